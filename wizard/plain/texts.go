package plain

import (
	"fmt"
	"strings"
	"time"

	"github.com/setup-wizard/setup-wizard/steps"
	"github.com/setup-wizard/setup-wizard/verify"
)

// Every word the plain front end says, in both languages. Formatted texts are functions
// so that the arguments stay in the right place in each language.

var (
	txtWarningPrefix = steps.T("warning: ", "警告：")
	txtChecking      = steps.T(
		"Checking the values with the live APIs…",
		"入力された値をAPIで確認しています…")
	txtCheckFailed = steps.T(
		"A check failed, so the config file was not written. Fix the value the report names and run again.",
		"確認で問題が見つかったため、設定ファイルは書き込んでいません。レポートにある値を直して、もう一度実行してください。")
	txtCheckUnknown = steps.T(
		"A check could not tell whether the values are right (an API did not answer clearly), so the config file was not written. Check the network or proxy and run again later.",
		"APIから確かな答えが得られず、値が正しいか確認できなかったため、設定ファイルは書き込んでいません。ネットワークやプロキシを確認し、時間をおいてもう一度実行してください。")

	txtHowTo = steps.T(
		"Answer each question and press Enter. Enter alone keeps the value shown in brackets. Type < at any question to go back one step.",
		"質問に答えてEnterを押してください。何も入力せずにEnterを押すと ［ ］内の値のままになります。<と入力すると一つ前のステップに戻ります。")
	txtImportant    = steps.T("Important: ", "重要：")
	txtLinks        = steps.T("Pages to open:", "開くページ：")
	txtOpenHint     = steps.T("Type o and Enter to open the first page in your browser, o2 for the second.", "oと入力してEnterを押すと、1つ目のページをブラウザーで開きます。2つ目はo2です。")
	txtAtFirst      = steps.T("This is the first step; there is no step before it.", "これが最初のステップです。前のステップはありません。")
	txtHidden       = steps.T("(not shown as you type)", "（入力した文字は表示されません）")
	txtListHint     = steps.T("Separate several values with commas or spaces.", "複数ある場合はカンマか空白で区切ってください。")
	txtYesNo        = steps.T("(y/n)", "（はい/いいえ）")
	txtYes          = steps.T("yes", "はい")
	txtNo           = steps.T("no", "いいえ")
	txtBadYesNo     = steps.T("Please answer y (yes) or n (no).", "y（はい）かn（いいえ）で答えてください。")
	txtContinue     = steps.T("Press Enter to go on", "Enterを押すと次へ進みます")
	txtConfirmNo    = steps.T("Finish this in the console first, then answer y. Type < to go back a step.", "先に管理画面でこの作業を終えてからyと答えてください。<で前のステップに戻れます。")
	txtConfirmReq   = steps.T("must be done before the next step.", "次のステップへ進む前に済ませる必要があります。")
	txtConfirmFix   = steps.T("Do it in the console, then answer yes.", "管理画面で作業を済ませてから「はい」と答えてください。")
	txtResumeNew    = steps.T("Starting from the first step.", "最初のステップから始めます。")
	txtRunning      = steps.T("Checking with the live API…", "APIで確認しています…")
	txtCMSValues    = steps.T("Values to enter in the CMS:", "CMSに入力する値：")
	txtAllDone      = steps.T("All steps are done.", "すべてのステップが終わりました。")
	txtNotAll       = steps.T("Some checks did not pass (see above). Run setup-wizard again and go to the step named to fix them.", "一部の確認が通りませんでした（上記参照）。setup-wizardをもう一度実行し、示されたステップで直してください。")
	txtInputEnded   = steps.T("the input ended", "入力が終わりました")
	txtNoAnswerRule = steps.T("no answer: the input ended before this question.", "回答がありません：この質問の前に入力が終わりました。")
	txtBadChoice    = steps.T("That is not one of the numbers listed.", "一覧にない番号です。")
	txtReport       = steps.T("Live checks:", "APIによる確認：")
	txtNoChecks     = steps.T("No live check applies to these values.", "この値に当てはまる確認はありません。")
	txtPasteText    = steps.T("To paste: ", "貼り付ける文：")
	txtPasteSays    = steps.T("What it says: ", "内容：")
)

func txtProblemCount(l steps.Lang, n int) string {
	if l == steps.JA {
		return fmt.Sprintf("%d件の問題があります。設定ファイルは書き込んでいません。", n)
	}
	if n == 1 {
		return "1 problem found; the config file was not written."
	}
	return fmt.Sprintf("%d problems found; the config file was not written.", n)
}

func txtWritten(l steps.Lang, path string) string {
	if l == steps.JA {
		return fmt.Sprintf("設定ファイルを書き込みました：%s", path)
	}
	return fmt.Sprintf("Config file written: %s", path)
}

func txtSaveFailed(l steps.Lang, err error) string {
	if l == steps.JA {
		return fmt.Sprintf("設定ファイルを書き込めませんでした：%v", err)
	}
	return fmt.Sprintf("Could not write the config file: %v", err)
}

func txtDraftFailed(l steps.Lang, err error) string {
	if l == steps.JA {
		return fmt.Sprintf("途中経過を保存できませんでした（%v）。今中断すると、ここまでの回答は残りません。", err)
	}
	return fmt.Sprintf("Could not save your answers so far (%v). If you leave now, they are not kept.", err)
}

func txtStepOf(l steps.Lang, n, total int) string {
	if l == steps.JA {
		return fmt.Sprintf("ステップ%d / %d", n, total)
	}
	return fmt.Sprintf("Step %d of %d", n, total)
}

func txtKeeps(l steps.Lang, v string) string {
	if l == steps.JA {
		return fmt.Sprintf("［Enterで%sのまま］", v)
	}
	return fmt.Sprintf("[Enter keeps %s]", v)
}

func txtOpened(l steps.Lang, url string) string {
	if l == steps.JA {
		return fmt.Sprintf("ブラウザーで開きました：%s", url)
	}
	return fmt.Sprintf("Opened in your browser: %s", url)
}

func txtOpenFailed(l steps.Lang, url string) string {
	if l == steps.JA {
		return fmt.Sprintf("ブラウザーを開けませんでした。次のアドレスを自分で開いてください：%s", url)
	}
	return fmt.Sprintf("Could not open a browser. Open this address yourself: %s", url)
}

func txtChooseNumber(l steps.Lang, n int) string {
	if l == steps.JA {
		return fmt.Sprintf("番号（1〜%d）", n)
	}
	return fmt.Sprintf("Number (1-%d)", n)
}

func txtRange(l steps.Lang, n int) string {
	if l == steps.JA {
		return fmt.Sprintf("（1〜%d）", n)
	}
	return fmt.Sprintf("(1-%d)", n)
}

func txtResumeQ(l steps.Lang, step string, when string) string {
	if l == steps.JA {
		return fmt.Sprintf("前回はステップ「%s」で中断しました（%s）。続きから始めますか？", step, when)
	}
	return fmt.Sprintf("You stopped at the step \"%s\" last time (%s). Continue from there?", step, when)
}

func txtResumeEndQ(l steps.Lang, when string) string {
	if l == steps.JA {
		return fmt.Sprintf("前回（%s）はすべてのステップを終えましたが、設定ファイルを書き込めませんでした。続きから始めて書き込みますか？", when)
	}
	return fmt.Sprintf("Last time (%s) every step was done but the config file was not written. Continue and write it?", when)
}

func txtGoBackQ(l steps.Lang, step string) string {
	if l == steps.JA {
		return fmt.Sprintf("ステップ「%s」に戻って直しますか？", step)
	}
	return fmt.Sprintf("Go back to the step \"%s\" to fix it?", step)
}

func txtRedactedNote(l steps.Lang, path string) string {
	if l == steps.JA {
		return fmt.Sprintf("秘密の値は一部だけ表示しています。全体は%sにあります（あなただけが読めるファイルです）。", path)
	}
	return fmt.Sprintf("Secrets are shortened here; the full values are in %s (a file only you can read).", path)
}

func txtNext(l steps.Lang, path, verify string) string {
	if l == steps.JA {
		return fmt.Sprintf("次に：%sには秘密の値が入っています。大切に保管してください。設定はいつでも「%s」で確認し直せます。", path, verify)
	}
	return fmt.Sprintf("Next: %s holds secrets; keep it safe. Run %s at any time to check the settings again.", path, verify)
}

func txtNoAnswer(l steps.Lang, what string, missing []string) string {
	end := ""
	if len(missing) > 0 {
		end = steps.T(".", "。").In(l) + txtMissing(l, missing)
	}
	if l == steps.JA {
		return fmt.Sprintf("%sへの回答がありません：%s", what, txtInputEnded.In(l)) + end
	}
	return fmt.Sprintf("no answer for %s: %s", what, txtInputEnded.In(l)) + end
}

// txtSilent says that a piped input sent nothing for a while, so the run stops instead of
// waiting for ever (a CI step whose stdin never closes).
func txtSilent(l steps.Lang, after time.Duration, what string, missing []string) string {
	if l == steps.JA {
		return fmt.Sprintf("%sへの回答がありません：入力（パイプ）から%s待っても何も届きませんでした。", what, after) +
			txtMissing(l, missing) +
			"回答を1行ずつ入力に流すか、--answers FILEと--non-interactiveで実行するか、端末で実行してください（待ち時間は--input-timeoutで変えられます）。"
	}
	return fmt.Sprintf("no answer for %s: nothing arrived on the input (a pipe) for %s.", what, after) +
		txtMissing(l, missing) +
		" Pipe the answers one per line, run with --answers FILE --non-interactive, or run in a terminal (--input-timeout changes the wait)."
}

// txtMissing lists the config keys still without a value, after a sentence.
func txtMissing(l steps.Lang, missing []string) string {
	if len(missing) == 0 {
		return ""
	}
	if l == steps.JA {
		return "まだ値のない設定項目：" + strings.Join(missing, "、") + "。"
	}
	return " Still without a value: " + strings.Join(missing, ", ") + "."
}

func txtTooMany(l steps.Lang, what string) string {
	if l == steps.JA {
		return fmt.Sprintf("%s：正しい回答が得られないまま何度も繰り返したため、中止します。", what)
	}
	return fmt.Sprintf("%s: still not valid after several tries; stopping.", what)
}

func txtQuestionAbout(l steps.Lang, checkID string) string {
	if l == steps.JA {
		return fmt.Sprintf("確認%sについての質問", checkID)
	}
	return fmt.Sprintf("the question about check %s", checkID)
}

func txtStepRef(l steps.Lang, title string) string {
	if l == steps.JA {
		return fmt.Sprintf("（ステップ「%s」で直せます）", title)
	}
	return fmt.Sprintf("(fix it at the step \"%s\")", title)
}

func txtDetail(l steps.Lang, d string) string {
	if l == steps.JA {
		return "詳細：" + d
	}
	return "detail: " + d
}

// statusWord names a check outcome the way the report and the prompts say it.
func statusWord(l steps.Lang, st verify.Status) string {
	switch st {
	case verify.Pass:
		return steps.T("OK", "OK").In(l)
	case verify.Warn:
		return steps.T("warning", "注意").In(l)
	case verify.Fail:
		return steps.T("FAILED", "失敗").In(l)
	case verify.Skipped:
		return steps.T("skipped", "省略").In(l)
	case verify.Error:
		return steps.T("could not tell", "確認できず").In(l)
	}
	return string(st)
}

// The walk's stops, checks again and end.
var (
	txtGoingOn          = steps.T("Going on with a problem left: the end will list it.", "問題を残したまま進みます。最後に一覧で表示されます。")
	txtFixedNow         = steps.T("Checked again: it passes now.", "もう一度確認しました。今度は通りました。")
	txtWrongValue       = steps.T("(a check found this wrong: fix it first)", "（確認で誤りが見つかりました。先に直してください）")
	txtBadStopChoice    = steps.T("Type g, r or n.", "g、r、nのいずれかを入力してください。")
	txtStopChoiceNoStep = steps.T("r = check again now, n = continue anyway (the end lists it as a problem)", "r＝今すぐもう一度確認、n＝このまま進む（最後に問題として表示されます）")
)

func txtStopped(l steps.Lang, n int, unreached bool) string {
	if unreached {
		if l == steps.JA {
			return fmt.Sprintf("%d件の確認ができませんでした（APIに接続できないか、判断できませんでした）。確かめられるまで、連携が動くかは分かりません：", n)
		}
		return fmt.Sprintf("%d check(s) could not tell: the API could not be reached or could not tell. Until they can, nobody knows whether the integration works:", n)
	}
	if l == steps.JA {
		return fmt.Sprintf("%d件の確認が通りませんでした。直すまで連携は動きません：", n)
	}
	if n == 1 {
		return "A check did not pass. The integration will not work until it is fixed:"
	}
	return fmt.Sprintf("%d checks did not pass. The integration will not work until they are fixed:", n)
}

func txtStopChoice(l steps.Lang, n int, title string) string {
	if l == steps.JA {
		return fmt.Sprintf("g＝ステップ%d「%s」へ移動して直す、r＝今すぐもう一度確認、n＝このまま進む（最後に問題として表示されます）", n, title)
	}
	return fmt.Sprintf("g = go to step %d “%s” to fix it, r = check again now, n = continue anyway (the end lists it as a problem)", n, title)
}

func txtEndChoice(l steps.Lang, n int, title string) string {
	if l == steps.JA {
		return fmt.Sprintf("g＝ステップ%d「%s」へ移動して直す、Enter＝問題を残したまま終了", n, title)
	}
	return fmt.Sprintf("g = go to step %d “%s” to fix it, Enter = finish with these problems", n, title)
}

func txtFixOn(l steps.Lang, n int, title string) string {
	if l == steps.JA {
		return fmt.Sprintf("（直す場所：ステップ%d「%s」）", n, title)
	}
	return fmt.Sprintf("(fix on step %d “%s”)", n, title)
}

func txtStillFailing(l steps.Lang, word string) string {
	if l == steps.JA {
		return fmt.Sprintf("まだ通りません。コンソールで直してから、どの質問でも%sと入力するともう一度確認します。", word)
	}
	return fmt.Sprintf("Still not passing. Fix it in the console, then type %s at any question to check again.", word)
}

func txtExitCode(l steps.Lang, code int) string {
	if l == steps.JA {
		return fmt.Sprintf("設定は保存しましたが、連携はまだ動きません（終了コード%d）。", code)
	}
	return fmt.Sprintf("The settings are saved, but the integration does not work yet (exit code %d).", code)
}

func txtAgainHint(l steps.Lang, word string) string {
	if l == steps.JA {
		return fmt.Sprintf("コンソールで直したら、どの質問でも%sと入力すると、ここでもう一度確認します（確認の質問に「はい」と答えても同じです）。", word)
	}
	return fmt.Sprintf("Once fixed in the console, type %s at any question to check again here (answering yes to the confirmation does the same).", word)
}
