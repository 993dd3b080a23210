package naver

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/platform"
	"github.com/setup-wizard/setup-wizard/steps"
)

// Korean is the language of NAVER's review form. The wizard itself speaks English and
// Japanese; the review texts are also written in Korean because they are pasted into the form.
const Korean steps.Lang = "ko"

// KeyPlatformName is the platform's name when it is not Cafe24 (kept in the draft only).
const KeyPlatformName = "flow.naver.platform_name"

// The review form's fields the wizard writes (kept in the draft only).
const (
	// KeyReviewPurpose is typed after choosing 기타 (other) as the purpose: the platform's name.
	KeyReviewPurpose = "flow.naver.review_purpose"
	// KeyReviewItems lists the items collected at sign-up and where each is used.
	KeyReviewItems = "flow.naver.review_items"
)

type reviewWords struct {
	own, id, name, email, sep, onlyID string
}

var reviewLangs = map[steps.Lang]reviewWords{
	Korean: {
		own:    "자체 쇼핑몰 시스템",
		id:     "이용자 고유 식별자: 네이버 계정과 쇼핑몰 회원 계정의 연결",
		name:   "회원이름: 회원가입 시 이름 입력, 주문·배송 정보",
		email:  "연락처 이메일: 주문 확인 및 배송 안내 메일",
		sep:    " / ",
		onlyID: "(추가 항목 없음)",
	},
	steps.EN: {
		own:    "the shop's own system",
		id:     "user identifier: links the NAVER account to the shop membership",
		name:   "name: filled in at sign-up, used on orders and deliveries",
		email:  "contact e-mail: order confirmations and shipping notices",
		sep:    " / ",
		onlyID: "(no other item)",
	},
	steps.JA: {
		own:    "自社のショップシステム",
		id:     "利用者の識別子：NAVERアカウントとショップ会員の紐づけ",
		name:   "氏名：会員登録時の名前の入力、注文・配送情報",
		email:  "連絡先メール：注文確認と発送案内のメール",
		sep:    " / ",
		onlyID: "（ほかの項目なし）",
	},
}

func wordsIn(lang steps.Lang) reviewWords {
	if w, ok := reviewLangs[lang]; ok {
		return w
	}
	return reviewLangs[steps.EN]
}

// ReviewPurpose is what is typed after choosing 기타 (other) as the purpose of the review
// request: the platform's name. In Korean it is the profile's name for NAVER's form
// (카페24 for Cafe24); in English and Japanese, what that says.
func ReviewPurpose(p *platform.Profile, a steps.Answers, lang steps.Lang) string {
	w := wordsIn(lang)
	if a.Get("naver.platform") == "cafe24" {
		c, _ := platform.Builtin("cafe24")
		if lang == Korean {
			return c.NAVER.ReviewPlatformName
		}
		return c.Name.In(lang)
	}
	if n := steps.Clean(a.Get(KeyPlatformName)); n != "" {
		if lang == Korean && p != nil && !p.IsGeneric() && p.NAVER != nil && p.NAVER.ReviewPlatformName != "" && n == steps.Clean(p.Name.EN) {
			return p.NAVER.ReviewPlatformName
		}
		return n
	}
	return w.own
}

// ReviewItems lists the items the shop collects at sign-up (the user identifier always,
// then those ticked under 사용 API) with where each is used, on one line so that it copies
// whole into the form's field.
func ReviewItems(a steps.Answers, lang steps.Lang) string {
	w := wordsIn(lang)
	items := []string{w.id}
	if a.Bool("naver.items.name") {
		items = append(items, w.name)
	}
	if a.Bool("naver.items.email") {
		items = append(items, w.email)
	}
	if len(items) == 1 {
		items = append(items, w.onlyID)
	}
	return strings.Join(items, w.sep)
}
