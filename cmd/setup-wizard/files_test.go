package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/setup-wizard/setup-wizard/config"
	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// verify records its results into the file as it is on disk when it saves, not the copy
// it read at its start: a section another run saved meanwhile stays (before, it was lost,
// kept only in .bak). Results for a section that changed meanwhile are not recorded.
func TestRecordKeepsWhatOthersSavedMeanwhile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.yaml")
	start, _ := config.FromValues(map[string]string{"line.flow": "new", "line.account_name": "Salon"})
	if err := config.Save(path, start); err != nil {
		t.Fatal(err)
	}
	checked, err := config.Load(path) // what verify read and checked
	if err != nil {
		t.Fatal(err)
	}
	// Meanwhile `setup-wizard naver` saves its section into the same file.
	if err := config.Update(path, func(c *config.Config, _ bool) error {
		n, _ := config.FromValues(map[string]string{"naver.application_name": "Shop"})
		c.NAVER = n.NAVER
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	results := []verify.Result{
		{ID: "line.token", Status: verify.Pass, Message: steps.T("ok", "ok")},
		{ID: "naver.credentials", Status: verify.Fail, Message: steps.T("no", "no")},
	}
	stale, err := record(path, checked, results, steps.EN, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	got, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Get("naver.application_name") != "Shop" || got.Get("line.account_name") != "Salon" {
		t.Fatalf("a section was lost: %v", got.Values())
	}
	var ids []string
	for _, r := range got.Verification.Results {
		ids = append(ids, r.ID)
	}
	// naver's section is not what verify checked: its result would describe other values.
	if !slices.Equal(ids, []string{"line.token"}) || !slices.Equal(stale, []string{"naver"}) {
		t.Errorf("recorded %v, stale %v; want [line.token], [naver]", ids, stale)
	}

	// A file removed meanwhile is not brought back holding only results.
	os.Remove(path)
	if _, err := record(path, checked, results, steps.EN, time.Unix(0, 0)); !errors.Is(err, errConfigGone) {
		t.Errorf("removed file: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file came back")
	}
}
