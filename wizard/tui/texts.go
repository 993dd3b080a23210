package tui

import (
	"fmt"

	"github.com/setup-wizard/setup-wizard/steps"
)

// The words of the screen around the steps: key help, headings, notes. The steps bring
// their own texts; everything here is the frame.
var (
	txtStepOf       = steps.T("Step %d of %d", "ステップ%d / %d")
	txtStepShort    = steps.T("step %d/%d", "%d/%d")
	txtSandbox      = steps.T("SANDBOX: nothing leaves this computer", "サンドボックス：外部には何も送信されません")
	txtSandboxShort = steps.T("SANDBOX", "サンドボックス")
	txtFinished     = steps.T("Finished", "完了")

	txtResumeTitle = steps.T("Continue where you left off?", "前回の続きから始めますか？")
	txtResumeBody  = steps.T("A draft was saved at %s on the step “%s”.", "%sに「%s」のステップで保存した途中の内容があります。")
	txtResumeYes   = steps.T("Continue from the draft", "続きから始める")
	txtResumeNo    = steps.T("Start over (the draft is deleted)", "最初からやり直す（途中の内容は削除されます）")

	txtLinks     = steps.T("Pages to open", "開くページ")
	txtOpened    = steps.T("Opened %s in your browser.", "%sをブラウザで開きました。")
	txtNoBrowser = steps.T("No browser can be opened here. Open this address yourself (press c to copy it):", "ここではブラウザを開けません。次のアドレスを開いてください（cでコピーできます）：")
	txtCopied    = steps.T("Copied: %s", "コピーしました：%s")
	// The terminal's clipboard (OSC 52) gives no answer: many terminals ignore it.
	txtSentToTerminal = steps.T("Sent to the terminal's clipboard: %s (if pasting gives nothing, this terminal does not allow it)", "端末のクリップボードに送りました：%s（貼り付けられない場合、この端末では使えません）")
	txtNoConfirm      = steps.T("Finish this in the console first, then choose Yes.", "先にコンソールでこの作業を終えてから「はい」を選んでください。")
	txtYes            = steps.T("Yes", "はい")
	txtNo             = steps.T("No", "いいえ")
	txtPressEnter     = steps.T("Press enter to go on.", "enterで次へ進みます。")
	txtWarnings       = steps.T("Please look at this before you go on:", "進む前に確認してください：")
	txtWarnPass       = steps.T("Press enter to go on anyway, or shift+tab to change the value.", "このまま進むにはenter、値を直すにはshift+tabを押してください。")
	txtErrorsTitle    = steps.T("Fix these to go on:", "次を直すと先に進めます：")
	txtDraftFailed    = steps.T("The draft could not be saved (%s); your answers are kept only while this screen is open.", "途中の内容を保存できませんでした（%s）。この画面を閉じると入力内容は失われます。")

	txtHandoverHint  = steps.T("↑/↓ choose a value, c copies it, ctrl+r shows secrets in full.", "↑/↓ で選び、cでコピー、ctrl+rで秘密の値を全部表示します。")
	txtSaved         = steps.T("Saved to %s", "%sに保存しました")
	txtSaveFailed    = steps.T("The settings file could not be written: %s. Fix this and press enter again.", "設定ファイルを書き込めませんでした：%s。原因を直してからもう一度enterを押してください。")
	txtChannelIDLrn  = steps.T("Messaging API channel ID", "Messaging APIのチャネルID")
	txtWrongValue    = steps.T("(a check found this wrong: fix it first)", "（確認で誤りが見つかりました。先に直してください）")
	txtNothingToCopy = steps.T("Nothing to copy here.", "ここにはコピーするものがありません。")

	txtChecking    = steps.T("Checking…", "確認中…")
	txtReadMore    = steps.T("… pgdn/pgup · other keys: fields", "… pgdn/pgup・他のキーで入力欄へ")
	txtReadEnd     = steps.T("(end) pgup · other keys: fields", "（ここまで）pgup・他のキーで入力欄へ")
	txtListNewLine = steps.T("alt+enter or ctrl+j adds a line.", "alt+enterかctrl+jで行を追加します。")
	txtRevealed    = steps.T("%s in full (ctrl+r hides it):", "%sの全体（ctrl+rで隠します）：")
	txtScrollEnd   = steps.T("(end) pgup", "（ここまで）pgup")
	txtQueued      = steps.T("waits for the checks it needs", "前提の確認を待っています")
	txtCheckingN   = steps.T("Checking %d…", "%d 件確認中…")
	txtChecksTitle = steps.T("Live checks", "接続確認")
	txtJumpOffer   = steps.T("press g to go to step %d “%s”", "gでステップ%d「%s」へ移動")
	txtStaleMark   = steps.T("(a value changed since: checked again when you go on)", "（その後に値が変わりました。次へ進むともう一度確認します）")

	txtFinalTitle    = steps.T("All steps are done", "すべてのステップが終わりました")
	txtFinalProblems = steps.T("Each problem above names the step where it is fixed. Press g to go to the first; after fixing it, press r there to check again.", "上の問題ごとに、直す場所のステップを示しています。gで最初の問題のステップへ移動し、直したらそこでrを押してもう一度確認してください。")
	txtFinalExitCode = steps.T("Closing now ends with exit code %d: the settings are saved, but the integration does not work yet.", "ここで閉じると終了コード%dで終わります。設定は保存されていますが、連携はまだ動きません。")
	txtFinalQuitBad  = steps.T("Press g to fix the first problem, or enter or q to close with these problems.", "gで最初の問題を直しに行くか、enterかqで問題を残したまま閉じます。")

	txtStopTitle     = steps.T("A check did not pass", "確認が通りませんでした")
	txtStopUnreached = steps.T("Could not check: the API could not be reached or could not tell", "確認できませんでした：APIに接続できないか、判断できませんでした")
	// A check that could not tell (the API did not answer, 503, timeout): nothing is known
	// to be wrong, so there is nothing to fix in the console; checking again comes first.
	txtStopUnreachedBody     = steps.T("Nothing was found wrong: the service did not answer (or could not tell), so these values are not checked yet. Check again in a moment; if it still cannot tell, continue and check later with the command shown at the end.", "間違いが見つかったわけではありません。サービスが応答しなかった（または判断できなかった）ため、これらの値はまだ確認できていません。少し待ってからもう一度確認してください。それでも確認できなければ、このまま進み、最後に表示されるコマンドで後から確認してください。")
	txtStopKeysUnreached     = steps.T("r  check again now\ng  go to step %d “%s”\nn  continue anyway (the end will list this as not checked)", "r  今すぐもう一度確認\ng  ステップ%d「%s」へ移動\nn  このまま進む（最後に未確認として表示されます）")
	txtStopKeysUnreachedNone = steps.T("r  check again now\nn  continue anyway (the end will list this as not checked)", "r  今すぐもう一度確認\nn  このまま進む（最後に未確認として表示されます）")
	txtFinalExitUnreached    = steps.T("Closing now ends with exit code %d: the settings are saved, but some checks could not be run (the service did not answer), so it is not known yet whether the integration works.", "ここで閉じると終了コード%dで終わります。設定は保存されていますが、サービスが応答しなかったため一部の確認ができておらず、連携が動くかどうかはまだ分かりません。")
	txtFinalUnreachedTitle   = steps.T("Finished, but %d checks could not be run", "終了しましたが、%d件の確認ができませんでした")
	txtFinalUnreachedTitle1  = steps.T("Finished, but %d check could not be run", "終了しましたが、%d件の確認ができませんでした")
	txtFinalUnreachedHelp    = steps.T("Nothing here was found wrong: the service did not answer. Press g to go to the first step and r there to check again, or close and check later with the command below.", "間違いが見つかったわけではなく、サービスが応答しませんでした。gで最初のステップへ移動してそこでrを押すともう一度確認できます。閉じて、後から下のコマンドで確認することもできます。")
	txtFinalUnreachedQuit    = steps.T("Press g to check the first one again, or enter or q to close without knowing.", "gで最初のものをもう一度確認しに行くか、enterかqで未確認のまま閉じます。")
	txtStopTitleN            = steps.T("%d checks did not pass", "%d件の確認が通りませんでした")
	txtStopBody              = steps.T("The integration will not work until this is fixed. Fix it in the console, on the step named above, and check again there.", "これを直すまで連携は動きません。上に示すステップの内容をコンソールで直し、そこでもう一度確認してください。")
	txtStopKeys              = steps.T("g  go to step %d “%s”\nr  check again now\nn  continue anyway (the end will list this as a problem)", "g  ステップ%d「%s」へ移動\nr  今すぐもう一度確認\nn  このまま進む（最後に問題として表示されます）")
	txtStopKeysNone          = steps.T("r  check again now\nn  continue anyway (the end will list this as a problem)", "r  今すぐもう一度確認\nn  このまま進む（最後に問題として表示されます）")
	txtFixAt                 = steps.T("fix on step %d “%s”", "直す場所：ステップ%d「%s」")
	txtCheckedAt             = steps.T("checks what you did on step %d “%s”", "ステップ%d「%s」の内容の確認です")
	txtExitCode              = steps.T("(exit code %d)", "（終了コード%d）")
	txtFixedNow              = steps.T("✓ Checked again: it passes now.", "✓ もう一度確認しました。今度は通りました。")
	// "Check again" passed the step's own checks while another it ran (one a failure had
	// kept from running, say) fails: never "it passes" alone.
	txtFixedPartly   = steps.T("Checked again: now passing: %s. Still failing: %s.", "もう一度確認しました。通ったもの：%s。まだ通らないもの：%s。")
	txtFixedNone     = steps.T("Checked again: still failing: %s.", "もう一度確認しました。まだ通らないもの：%s。")
	txtStillFailing  = steps.T("Checked again: still not passing. See the result below.", "もう一度確認しましたが、まだ通りません。下の結果を見てください。")
	txtGoingOn       = steps.T("Going on with a problem left: the end will list it.", "問題を残したまま進みます。最後に一覧で表示されます。")
	txtAgainHint     = steps.T("After fixing this in the console, press %s to check again here.", "コンソールで直したら、%sを押してここでもう一度確認してください。")
	txtCheckingOf    = steps.T("Checking %d of %d…", "%d / %d件を確認中…")
	txtFinalRunning  = steps.T("Running every check one last time…", "最後にすべての確認をもう一度行っています…")
	txtFinalNoChecks = steps.T("Live checks are off, so nothing was checked against the APIs.", "接続確認はオフのため、APIでの確認は行っていません。")
	txtFinalNext     = steps.T("Next: run “%s” any time to check these settings again.", "次に：いつでも「%s」で設定をもう一度確認できます。")
	txtFinalQuit     = steps.T("Press enter or q to close.", "enterかqで閉じます。")
	txtFinalRetry    = steps.T("Press enter to try again, or ctrl+c to leave (your answers are kept as a draft).", "enterでもう一度試すか、ctrl+cで終了します（入力内容は途中保存されます）。")
	txtFinalTitleErr = steps.T("The settings file was not written", "設定ファイルは書き込まれていません")

	// Key help.
	txtKeyNext   = steps.T("next", "次へ")
	txtKeyBack   = steps.T("back", "戻る")
	txtKeyOpen   = steps.T("open link", "リンクを開く")
	txtKeyLink   = steps.T("next link", "次のリンク")
	txtKeyCopy   = steps.T("copy", "コピー")
	txtKeyReveal = steps.T("show/hide secrets", "秘密の値の表示切替")
	txtKeyJump   = steps.T("go to failed step", "問題のステップへ")
	txtKeyAgain  = steps.T("check again", "もう一度確認")
	txtKeyGoOn   = steps.T("continue anyway", "このまま進む")
	txtKeyHelp   = steps.T("more keys", "キー一覧")
	txtKeyQuit   = steps.T("quit (keeps a draft)", "終了（途中保存）")
	txtKeyUpDown = steps.T("choose", "選択")
	txtKeyScroll = steps.T("scroll", "スクロール")
	txtKeyClose  = steps.T("close", "閉じる")
)

// tf formats a chrome text in l.
func tf(t steps.Text, l steps.Lang, args ...any) string {
	return fmt.Sprintf(t.In(l), args...)
}
