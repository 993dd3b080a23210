package main

import "github.com/setup-wizard/setup-wizard/steps"

// Messages of the command itself; the screens' words live with the steps and front ends.
var (
	msgInterrupted = steps.T(
		"Stopped. Your answers are kept as a draft: run the same command again to continue.",
		"中断しました。入力内容は下書きとして保存されています。同じコマンドをもう一度実行すると続きから再開できます。")
	msgSeeHelp = steps.T(
		"Run 'setup-wizard --help' to see the commands and flags.",
		"コマンドとフラグの一覧は 'setup-wizard --help' で確認できます。")
	msgWhichIntegration = steps.T("What do you want to connect?", "どの連携を設定しますか？")
	msgWhichFlow        = steps.T("Is this the first LINE integration for this shop?", "このショップでLINE連携をするのは初めてですか？")
	msgNameIntegration  = steps.T(
		"say which integration to set up: 'setup-wizard line' or 'setup-wizard naver' (no terminal to ask on)",
		"設定する連携を指定してください：'setup-wizard line' または 'setup-wizard naver'（端末がないため質問できません）")
	msgNameFlow = steps.T(
		"say which LINE flow to run with --flow new (first time) or --flow switch (switching from another service), or set line.flow in the answers file",
		"LINEの手順を --flow new（はじめて）または --flow switch（他サービスからの乗り換え）で指定するか、回答ファイルに line.flow を書いてください")
	msgNoConfig = steps.T(
		"no config file at %s: run 'setup-wizard line' or 'setup-wizard naver' first, or point -c at the file",
		"設定ファイル %s がありません。先に 'setup-wizard line' か 'setup-wizard naver' を実行するか、-c でファイルを指定してください")
	msgNothingToVerify = steps.T(
		"%s has no LINE or NAVER values to check",
		"%s には確認できるLINE・NAVERの値がありません")
	msgRecordFailed  = steps.T("could not record the results in the config file", "確認結果を設定ファイルに記録できませんでした")
	msgSandboxBanner = steps.T(
		"SANDBOX: every request goes to the built-in emulator on this machine; nothing reaches LINE or NAVER.",
		"サンドボックス：すべての通信はこのマシン内の模擬APIに送られます。LINEやNAVERには何も届きません。")
	msgSandboxFaults = steps.T("SANDBOX faults switched on: %s", "サンドボックスで発生させている障害：%s")
)
