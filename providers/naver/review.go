package naver

import (
	"strings"

	"github.com/setup-wizard/setup-wizard/steps"
)

// Korean is the language of NAVER's review form. The wizard itself speaks English and
// Japanese; ReviewText also writes Korean because that is the text pasted into the form.
const Korean steps.Lang = "ko"

// KeyPlatformName is the platform's name when it is not Cafe24 (kept in the draft only).
const KeyPlatformName = "flow.naver.platform_name"

// KeyReviewText holds the review request text proposed for pasting (Korean).
const KeyReviewText = "flow.naver.review_text"

type reviewWords struct {
	purpose, platformCafe24, platformOther, intro, itemsHead, id, name, email, sep, end, password, capture string
}

var reviewLangs = map[steps.Lang]reviewWords{
	Korean: {
		purpose:        "서비스 용도: 기타 (쇼핑몰 플랫폼: %P).",
		platformCafe24: "Cafe24",
		platformOther:  "자체 쇼핑몰 시스템",
		intro:          "「%S」은(는) %P(으)로 운영하는 온라인 쇼핑몰이며, 회원가입과 로그인에 네이버 아이디로 로그인을 사용합니다.",
		itemsHead:      "요청 항목과 사용처: ",
		id:             "이용자 고유 식별자 - 네이버 계정과 쇼핑몰 회원 계정의 연결",
		name:           "회원이름 - 회원가입 시 이름 입력, 주문·배송 정보",
		email:          "연락처 이메일 - 주문 확인 및 배송 안내 메일",
		sep:            "; ",
		end:            ".",
		password:       "네이버 아이디로 가입할 때 별도의 비밀번호를 요구하지 않습니다.",
		capture:        "첨부한 화면은 테스트 아이디로 로그인 버튼부터 동의 화면, 회원가입 완료까지 차례로 촬영한 것입니다.",
	},
	steps.EN: {
		purpose:        "Purpose: other (shop platform: %P).",
		platformCafe24: "Cafe24",
		platformOther:  "the shop's own system",
		intro:          "\"%S\" is an online shop run on %P; it uses NAVER Login for sign-up and login.",
		itemsHead:      "Items requested and where each is used: ",
		id:             "user identifier - links the NAVER account to the shop membership",
		name:           "name - filled in at sign-up and used on orders and deliveries",
		email:          "e-mail address - order confirmations and shipping notices",
		sep:            "; ",
		end:            ".",
		password:       "Signing up with NAVER does not ask for a separate password.",
		capture:        "The attached screenshots, taken with a tester ID, follow every step from the login button through the consent screen to the end of sign-up.",
	},
	steps.JA: {
		purpose:        "利用目的：その他（ショッププラットフォーム：%P）。",
		platformCafe24: "Cafe24",
		platformOther:  "自社のショップシステム",
		intro:          "「%S」は %P で運営するオンラインショップで、会員登録とログインに NAVER ログインを使います。",
		itemsHead:      "求める項目と使い道：",
		id:             "利用者の識別子 - NAVER アカウントとショップ会員の紐づけ",
		name:           "氏名 - 会員登録時の名前の入力、注文・配送情報",
		email:          "連絡先メールアドレス - 注文確認と発送案内のメール",
		sep:            "；",
		end:            "。",
		password:       "NAVER で会員登録するとき、別のパスワードは求めません。",
		capture:        "添付の画面は、テスト用 ID でログインボタンから同意画面、会員登録の完了まで順に撮ったものです。",
	},
}

// ReviewText writes the review request for NAVER's form from the answers: purpose
// "other" with the platform's name, what the shop is, the items requested and where each
// is used, the no-separate-password rule and what the screenshots show. lang is steps.EN,
// steps.JA (to read) or Korean (to paste); it is one paragraph, without line breaks, so it
// fits one field and copies whole.
func ReviewText(a steps.Answers, lang steps.Lang) string {
	w, ok := reviewLangs[lang]
	if !ok {
		w = reviewLangs[steps.EN]
	}
	platform := w.platformOther
	switch {
	case a.Get("naver.platform") == "cafe24":
		platform = w.platformCafe24
	case a.Get(KeyPlatformName) != "":
		platform = steps.Clean(a.Get(KeyPlatformName))
	}
	shop := steps.Clean(a.Get("naver.application_name"))
	r := strings.NewReplacer("%P", platform, "%S", shop)
	items := []string{w.id}
	if a.Bool("naver.items.name") {
		items = append(items, w.name)
	}
	if a.Bool("naver.items.email") {
		items = append(items, w.email)
	}
	parts := []string{
		r.Replace(w.purpose),
		r.Replace(w.intro),
		w.itemsHead + strings.Join(items, w.sep) + w.end,
		w.password,
		w.capture,
	}
	sp := " "
	if lang == steps.JA {
		sp = ""
	}
	return strings.Join(parts, sp)
}
