package main

import "github.com/setup-wizard/setup-wizard/steps"

// Messages of the command itself; the screens' words live with the steps and front ends.
var (
	msgInterrupted = steps.T(
		"Stopped. Your answers are kept as a draft: run the same command again to continue.",
		"中断しました。入力内容は下書きとして保存されています。同じコマンドをもう一度実行すると続きから再開できます。")
	msgInterruptedNoDraft = steps.T(
		"Stopped. Nothing was written.",
		"中断しました。何も書き込んでいません。")
	msgResultsStale = steps.T(
		"%s changed while it was being checked (another run saved it): the results for %s were not recorded. Run verify again.",
		"確認中に%sが変更されました（別の実行が保存しました）。%sの確認結果は記録していません。もう一度verifyを実行してください。")
	msgConfigGone = steps.T(
		"%s was removed while it was being checked: the results were not recorded",
		"確認中に%sが削除されたため、確認結果を記録していません")
	msgSeeHelp = steps.T(
		"Run 'setup-wizard --help' to see the commands and flags.",
		"コマンドとフラグの一覧は'setup-wizard --help'で確認できます。")
	msgWhichIntegration = steps.T("What do you want to connect?", "どの連携を設定しますか？")
	msgWhichFlow        = steps.T("Is this the first LINE integration for this shop?", "このショップでLINE連携をするのは初めてですか？")
	msgNameIntegration  = steps.T(
		"say which integration to set up: 'setup-wizard line' or 'setup-wizard naver' (no terminal to ask on)",
		"設定する連携を指定してください：'setup-wizard line'または'setup-wizard naver'（端末がないため質問できません）")
	msgNameFlow = steps.T(
		"say which LINE flow to run with --flow new (first time) or --flow switch (switching from another service), or set line.flow in the answers file",
		"LINEの手順を--flow new（はじめて）または--flow switch（他サービスからの乗り換え）で指定するか、回答ファイルにline.flowを書いてください")
	msgNoConfig = steps.T(
		"no config file at %s: run 'setup-wizard line' or 'setup-wizard naver' first, or point -c at the file",
		"設定ファイル%sがありません。先に'setup-wizard line'か'setup-wizard naver'を実行するか、-cでファイルを指定してください")
	msgNothingToVerify = steps.T(
		"%s has no LINE or NAVER values to check",
		"%sには確認できるLINE・NAVERの値がありません")
	msgBadAnswersFlow = steps.T("line.flow %q in the answers is not a LINE flow: use new or switch",
		"回答ファイルのline.flow「%s」はLINEの手順ではありません。newかswitchを指定してください")
	msgNoArguments    = steps.T("%q takes no arguments, got %q", "%sには引数を付けません（%sが付いています）")
	msgNoConfigsIn    = steps.T("-c %s: no *.yaml config files there", "-c %s：設定ファイル（*.yaml）がありません")
	msgVerifyRedacted = steps.T(
		"%[1]s was exported with its secrets shortened (%[2]s), so they cannot be checked: ask for the file itself, or open it with 'setup-wizard replay %[1]s' and type them in",
		"%[1]sはシークレットを短縮して書き出したファイルです（%[2]s）。このままでは確認できません。元のファイルを受け取るか、'setup-wizard replay %[1]s'で開いて入力してください")
	msgRecordFailed  = steps.T("could not record the results in the config file", "確認結果を設定ファイルに記録できませんでした")
	msgSandboxBanner = steps.T(
		"SANDBOX: every request goes to the built-in emulator on this machine; nothing reaches LINE or NAVER.",
		"サンドボックス：すべての通信はこのマシン内の模擬APIに送られます。LINEやNAVERには何も届きません。")
	msgSandboxFaults = steps.T("SANDBOX faults switched on: %s", "サンドボックスで発生させている障害：%s")
	msgSandboxFile   = steps.T(
		"%s was written by the sandbox (--sandbox): its values are samples and its results came from the emulator, so it is not used without --sandbox. Check it with '%s', or set up the real integration in another file with -c FILE (or after deleting %s).",
		"%sはサンドボックス（--sandbox）が書き込んだファイルです。値は見本で、確認結果も模擬APIのものなので、--sandboxなしでは使いません。確認するには「%s」を実行してください。本番の設定は-c FILEで別のファイルに行ってください（%sを削除してからでも構いません）。")
	msgRealFile = steps.T(
		"%s holds a real configuration: the sandbox neither reads its values nor writes its sample results into it. Give the sandbox a file of its own with -c FILE (without -c it writes %s).",
		"%sは本番の設定ファイルです。サンドボックスはその値を読まず、見本の確認結果を書き込むこともしません。-c FILEでサンドボックス用の別のファイルを指定してください（-cを付けなければ%sに書き込みます）。")
)

// Help: the commands' and flags' words, in both languages.
var (
	helpRootShort = steps.T("Connect a shop to LINE or NAVER Login, step by step, with every value checked",
		"ショップをLINEやNAVERログインに、1ステップずつ、すべての値を確かめながら連携します")
	helpRootLong = steps.T(`setup-wizard walks you through connecting your shop to LINE (Official Account,
Messaging API and LINE Login channels) or to NAVER Login, one console step per screen.
It checks every value as you enter it, checks it live against LINE's and NAVER's APIs,
sets what the APIs allow (the webhook URL), and writes one config file.

Try it offline first:  setup-wizard --sandbox`,
		`setup-wizardは、ショップをLINE（公式アカウント、Messaging APIチャネル、LINEログインチャネル）
またはNAVERログインに連携する手順を、管理画面の1ステップずつ案内します。
入力した値はその場で確かめ、LINEとNAVERのAPIで実際に確認し、APIでできること（Webhook URLの設定）は
代わりに行い、最後に設定ファイルを1つ書き出します。

まずはオフラインで試せます：  setup-wizard --sandbox`)
	helpRootExample = steps.T(`  # Shop operator: set up LINE for the first time, in Japanese
  setup-wizard line --flow new --lang ja

  # Support: re-check a customer's file, or every file in a folder, without changing them
  setup-wizard verify -c customer.yaml
  setup-wizard verify -c customers/ --json > results.jsonl

  # Support: open a customer's file at the step they reached
  setup-wizard replay customer.yaml

  # CI: no prompts; secrets from the environment; exit code per 'setup-wizard help exit-codes'
  LINE_CHANNEL_ACCESS_TOKEN=… LINE_CHANNEL_SECRET=… LINE_LOGIN_CHANNEL_SECRET=… \
    setup-wizard line --non-interactive --answers answers.yaml --set-webhook -c shop.yaml --json`,
		`  # ショップの担当者：はじめてのLINE連携を日本語で
  setup-wizard line --flow new --lang ja

  # サポート：お客様のファイル、またはフォルダ内の全ファイルを、書き換えずに確認
  setup-wizard verify -c customer.yaml
  setup-wizard verify -c customers/ --json > results.jsonl

  # サポート：お客様のファイルを、その人が進んだステップから開く
  setup-wizard replay customer.yaml

  # CI：質問なし。シークレットは環境変数から。終了コードは 'setup-wizard help exit-codes' を参照
  LINE_CHANNEL_ACCESS_TOKEN=… LINE_CHANNEL_SECRET=… LINE_LOGIN_CHANNEL_SECRET=… \
    setup-wizard line --non-interactive --answers answers.yaml --set-webhook -c shop.yaml --json`)
	helpSandboxKnobs = steps.T("With --sandbox, SETUP_WIZARD_SANDBOX_FAULTS=knob,knob makes the emulator fail:",
		"--sandboxのとき、SETUP_WIZARD_SANDBOX_FAULTS=knob,knobで模擬APIに次の障害を起こせます：")

	flagLang           = steps.T("language: ja or en (default: SETUP_WIZARD_LANG, else LC_ALL/LANG, else en)", "言語：jaまたはen（既定値：SETUP_WIZARD_LANG、なければLC_ALL/LANG、なければen）")
	flagConfig         = steps.T("config file to write or read (with --sandbox: "+sandboxConfig+")", "書き出す（読み込む）設定ファイル（--sandboxでは"+sandboxConfig+"）")
	flagAnswers        = steps.T("pre-filled answers: a file with the config file's schema", "回答ファイル：設定ファイルと同じ形式で、あらかじめ値を入れたもの")
	flagNonInteractive = steps.T("never prompt; a missing or invalid value is an error (exit 2)", "質問しない。足りない値や不正な値はエラー（終了コード2）")
	flagJSON           = steps.T("machine-readable report on stdout (see DESIGN.md, --json)", "機械向けの結果を標準出力にJSONで出す")
	flagNoBrowser      = steps.T("never launch a browser; print console URLs instead", "ブラウザを開かず、管理画面のURLを表示する")
	flagAccessible     = steps.T("plain prompts for screen readers (also ACCESSIBLE=1 or TERM=dumb)", "スクリーンリーダー向けの簡素な質問形式（ACCESSIBLE=1やTERM=dumbでも）")
	flagInputTimeout   = steps.T("with --accessible and answers piped on stdin: stop (exit 2, naming the missing keys) when no answer arrives for this long; 0 waits for ever",
		"--accessibleで回答を標準入力から渡すとき：この時間回答が来なければ終了する（終了コード2、足りない項目を表示）。0なら待ち続ける")
	flagFresh          = steps.T("ignore a saved draft and start from the first step", "保存された下書きを使わず、最初のステップから始める")
	flagSecretFile     = steps.T("read the value of %s from this file (or set %s)", "%sの値をこのファイルから読む（環境変数%sでも可）")
	flagSandbox        = steps.T("run against the built-in LINE and NAVER emulator; nothing leaves this machine", "内蔵の模擬LINE・NAVER APIを使う。通信はこのマシンの外に出ない")
	flagSetWebhook     = steps.T("write the webhook URL through the LINE API without asking", "確認せずに、LINE APIでWebhook URLを設定する")
	flagDebug          = steps.T("trace API requests on stderr, secrets redacted", "APIへのリクエストを標準エラーに表示する（シークレットは伏せる）")
	flagTimeout        = steps.T("time limit of each live check", "ライブチェック1件あたりの制限時間")
	flagHelp           = steps.T("show this help", "このヘルプを表示する")
	flagVersion        = steps.T("show the version, commit, date and Go version", "バージョン、コミット、日付、Goのバージョンを表示する")
	flagNoDescriptions = steps.T("leave out the descriptions of the completions", "補完候補の説明を出さない")
	flagVersionJSON    = steps.T("print the build information as JSON", "ビルド情報をJSONで表示する")
	flagFlow           = steps.T("new: first time; switch: moving an existing LINE integration from another service", "new：はじめて、switch：他サービスで連携済みのLINEを乗り換える")

	helpHelpShort       = steps.T("Help about any command or topic", "コマンドや項目のヘルプ")
	helpCompletionShort = steps.T("Shell completion script for bash, zsh, fish or PowerShell", "bash・zsh・fish・PowerShell用の補完スクリプト")
	helpCompletionLong  = steps.T(`Prints a completion script for your shell: commands, flags, and the values of
--flow, --lang and --platform complete with TAB.

  bash:  source <(setup-wizard completion bash)
  zsh:   setup-wizard completion zsh > "${fpath[1]}/_setup-wizard"
  fish:  setup-wizard completion fish > ~/.config/fish/completions/setup-wizard.fish`,
		`シェル用の補完スクリプトを出力します。コマンド、フラグ、--flow・--lang・--platformの値がTABで補完されます。

  bash:  source <(setup-wizard completion bash)
  zsh:   setup-wizard completion zsh > "${fpath[1]}/_setup-wizard"
  fish:  setup-wizard completion fish > ~/.config/fish/completions/setup-wizard.fish`)
	msgCompletionNoShell = steps.T("completion needs the shell: bash, zsh, fish or powershell (e.g. 'setup-wizard completion bash')",
		"completionにはシェルの名前が必要です：bash、zsh、fish、powershellのいずれか（例：'setup-wizard completion bash'）")
	msgCompletionBadShell = steps.T("completion: unknown shell %q; use bash, zsh, fish or powershell",
		"completion：シェル%qには対応していません。bash、zsh、fish、powershellのいずれかを指定してください")
	helpCompletionShell = steps.T("Completion script for %s", "%s用の補完スクリプト")

	helpVersionShort = steps.T("Show the version, commit, build date and Go version", "バージョン、コミット、ビルド日時、Goのバージョンを表示します")
	helpVersionLong  = steps.T("Shows the version, the commit and its date, and the Go version this binary was built with (the same as --version). Send it with a support request.",
		"このバイナリのバージョン、コミットとその日時、ビルドに使ったGoのバージョンを表示します（--versionと同じ）。サポートへの問い合わせに添えてください。")
	helpLineShort = steps.T("Connect a LINE Official Account: Messaging API, LINE Login, webhook and callback",
		"LINE公式アカウントを連携：Messaging API、LINEログイン、Webhook、コールバック")
	helpLineExample = steps.T(`  setup-wizard line --flow new
  setup-wizard line --flow switch --lang ja
  setup-wizard line --sandbox                  # try every step offline`,
		`  setup-wizard line --flow new
  setup-wizard line --flow switch --lang ja
  setup-wizard line --sandbox                  # すべての手順をオフラインで試す`)
	helpNaverShort = steps.T("Connect NAVER Login: application, service and callback URLs, client ID and secret",
		"NAVERログインを連携：アプリケーション、サービスURLとコールバックURL、Client IDとSecret")

	helpEnvShort = steps.T("Environment variables the tool reads", "このツールが読む環境変数")
	helpEnvIntro = steps.T("setup-wizard reads these environment variables. A flag on the command line wins over its variable.",
		"setup-wizardは次の環境変数を読みます。コマンドラインのフラグがあれば、そちらが優先されます。")
	helpEnvSecrets = steps.T("Secrets (never put them on the command line):", "シークレット（コマンドラインには書かないでください）：")
	helpEnvURLs    = steps.T("API addresses (proxies, mirrors, tests):", "APIのアドレス（プロキシ、ミラー、テスト用）：")
	helpEnvProxy   = steps.T("proxy for the calls to LINE and NAVER (http://host:port); hosts in NO_PROXY bypass it",
		"LINEとNAVERへの通信に使うプロキシ（http://ホスト:ポート）。NO_PROXYに書いたホストには使いません")
	helpEnvFlags = steps.T("One for every flag (yes/no flags take 1/0, true/false, yes/no):", "フラグごとの環境変数（yes/noのフラグは1/0、true/false、yes/no）：")
	helpEnvOther = steps.T(`Also: SETUP_WIZARD_SANDBOX_FAULTS (emulator failures, see --help), LC_ALL/LC_MESSAGES/LANG
(language), NO_COLOR, ACCESSIBLE=1, TERM=dumb, BROWSER, XDG_STATE_HOME (drafts).`,
		`ほかに：SETUP_WIZARD_SANDBOX_FAULTS（模擬APIの障害、--helpを参照）、LC_ALL/LC_MESSAGES/LANG（言語）、
NO_COLOR、ACCESSIBLE=1、TERM=dumb、BROWSER、XDG_STATE_HOME（下書きの保存先）。`)
	helpExitShort = steps.T("What each exit code means", "終了コードの意味")
	helpExitLong  = steps.T(`Exit codes (the same for every command and front end, the interactive screens included):

  0    done: every check passed or warned
  1    unexpected error
  2    usage error or invalid input (the message names the value, the rule and the fix)
  3    a live check failed (the report names the step to fix)
  4    an API could not be reached, or could not tell
  130  interrupted (ctrl+c, SIGTERM, or the terminal closed): an interactive walk keeps
       the answers given so far as a draft (run the same command again to continue); a
       non-interactive run, verify and the other commands keep none

A batch verify (several -c, or a folder) exits with the worst of its files: 1, else 2,
else 3, else 4, else 0.`,
		`終了コード（すべてのコマンドと画面で共通）：

  0    完了：すべてのチェックが成功、または警告のみ
  1    予期しないエラー
  2    使い方の誤り、または不正な入力（メッセージに項目・ルール・直し方があります）
  3    ライブチェックが失敗した（結果に直すステップがあります）
  4    APIに接続できなかった、または確認できなかった
  130  中断した（ctrl+c、SIGTERM、端末が閉じられた）：対話形式の入力では、それまでの回答を
       下書きとして保存します（同じコマンドをもう一度実行すると続きから再開できます）。
       非対話の実行やverifyなどほかのコマンドでは下書きを残しません

複数のファイルをまとめて確認したとき（-cを複数、またはフォルダ）は、最も悪い結果を返します：
1、2、3、4、0の順に優先します。`)

	msgUnknownCommand = steps.T("unknown command %q: use \"line\" or \"naver\", or see 'setup-wizard --help'",
		"%qというコマンドはありません。\"line\"か\"naver\"を指定するか、'setup-wizard --help'を見てください")
	msgBadLang    = steps.T("--lang %q is not supported: use ja or en", "--lang %qには対応していません。jaかenを指定してください")
	msgBadTimeout = steps.T("--timeout must be more than 0 (for example 10s)", "--timeoutは0より大きくしてください（例：10s）")
)

// Words of verify, export and drafts.
var (
	helpVerifyShort = steps.T("Re-run every live check on one config file, several, or a folder of them",
		"設定ファイル（1つ、複数、またはフォルダ内のすべて）のライブチェックをやり直します")
	helpVerifyLong = steps.T(`Re-runs every live check on a config file and records the results in it.

With several -c, or -c FOLDER (every *.yaml file in it), the files are checked side by side
(--jobs at a time, at most --rate requests a second to one channel, the webhook test at most
once per file) and a table says, for each, the provider, how many checks passed, warned,
failed and could not tell (ERROR: an API did not answer), and the first problem; with
--json, one JSON object per line. A file that cannot be read is reported in its row
(no counts: nothing was checked); the others go on. A batch records results in the files
only with --record, so customers' files are never rewritten by accident.

The exit code is the worst of the files (see 'setup-wizard help exit-codes').`,
		`設定ファイルのライブチェックをすべてやり直し、結果をそのファイルに記録します。

-cを複数、または-cフォルダ（中の*.yamlすべて）を指定すると、ファイルを並行して確認します
（同時に--jobs件まで、1つのチャネルへは毎秒--rate回まで、Webhookのテストは1ファイルにつき1回まで）。
ファイルごとに連携先、成功・警告・失敗・確認できず（APIが答えなかったもの）の数、最初の問題を表にして示します。
--jsonでは1行に1つのJSONを出します。読み込めないファイルはその行で知らせ（何も確認していないので数は「-」）、
ほかのファイルの確認は続けます。まとめて確認するときは、
--recordを付けたときだけ結果をファイルに記録します（お客様のファイルを誤って書き換えないため）。

終了コードは、最も悪いファイルのものです（'setup-wizard help exit-codes' を参照）。`)
	helpVerifyExample = steps.T(`  setup-wizard verify -c shop.yaml
  setup-wizard verify -c a.yaml -c b.yaml
  setup-wizard verify -c customers/ --no-webhook-test
  setup-wizard verify -c customers/ --json | jq -c 'select(.exit_code != 0)'`,
		`  setup-wizard verify -c shop.yaml
  setup-wizard verify -c a.yaml -c b.yaml
  setup-wizard verify -c customers/ --no-webhook-test
  setup-wizard verify -c customers/ --json | jq -c 'select(.exit_code != 0)'`)
	flagVerifyConfig  = steps.T("config file, or a folder of *.yaml config files (repeat for several)", "設定ファイル、または*.yamlの設定ファイルが入ったフォルダ（複数指定可）")
	flagVerifyJSON    = steps.T("one JSON report per config on stdout (JSON lines for several)", "設定ファイルごとのJSONの結果を標準出力に出す（複数なら1行に1つ）")
	flagJobs          = steps.T("how many config files are checked at the same time", "同時に確認する設定ファイルの数")
	flagRate          = steps.T("at most this many requests a second to one channel (0: no limit)", "1つのチャネルへの1秒あたりのリクエスト数の上限（0：制限なし）")
	flagNoWebhookTest = steps.T("skip LINE's webhook test (LINE allows 60 an hour per channel)", "LINEのWebhookテストを行わない（LINEでは1チャネルにつき1時間60回まで）")
	flagRecord        = steps.T("with several files, record the results in each file (one file always is)", "複数のファイルを確認するとき、結果を各ファイルに記録する（1ファイルのときは常に記録）")
	msgBadJobs        = steps.T("--jobs must be 1 or more", "--jobsは1以上にしてください")
	msgBadRate        = steps.T("--rate must be 0 (no limit) or more", "--rateは0（制限なし）以上にしてください")

	helpExportShort = steps.T("Print the config file as YAML, JSON or dotenv, secrets shortened", "設定ファイルをYAML・JSON・dotenv形式で表示します（シークレットは短縮）")
	helpExportLong  = steps.T(`Prints the config file as YAML, JSON, or dotenv lines (LINE_CHANNEL_ACCESS_TOKEN=…) for the
platform's developers. Every secret is replaced by its first four characters and its length,
unless --redact=false, which shows them in full on a terminal only (or anywhere with --force).`,
		`設定ファイルを、YAML、JSON、またはプラットフォームの開発者向けのdotenv形式（LINE_CHANNEL_ACCESS_TOKEN=…）で
表示します。シークレットは先頭4文字と長さに置き換えます。--redact=falseを付けると全体を表示しますが、
端末に表示するときだけです（ファイルやパイプへは--forceが必要です）。`)
	helpExportExample = steps.T(`  setup-wizard export -c shop.yaml
  setup-wizard export -c shop.yaml --format env
  setup-wizard export -c shop.yaml --format env --redact=false --force > .env   # secrets in full`,
		`  setup-wizard export -c shop.yaml
  setup-wizard export -c shop.yaml --format env
  setup-wizard export -c shop.yaml --format env --redact=false --force > .env   # シークレットをそのまま出力`)
	flagExportConfig    = steps.T("config file to print", "表示する設定ファイル")
	flagFormat          = steps.T("yaml, json or env (dotenv lines)", "yaml、json、env（dotenv形式）")
	flagRedact          = steps.T("shorten every secret to its first four characters and length", "シークレットを先頭4文字と長さに短縮する")
	flagForce           = steps.T("with --redact=false, print the secrets even when stdout is not a terminal", "--redact=falseのとき、標準出力が端末でなくてもシークレットを出力する")
	msgBadFormat        = steps.T("--format %q is not a format: use yaml, json or env", "--format %qには対応していません。yaml、json、envのいずれかを指定してください")
	msgExportNeedsForce = steps.T("--redact=false would write the secrets into a file or a pipe: add --force if that is what you want, or leave --redact on",
		"--redact=falseではシークレットがファイルやパイプに書き出されます。意図どおりなら--forceを付け、そうでなければ--redact=falseを外してください")

	helpDraftsShort = steps.T("List or remove the drafts of unfinished walks", "途中で中断した手順の下書きを一覧・削除します")
	helpDraftsLong  = steps.T(`Lists the drafts of walks left half-way (ctrl+c keeps one): the flow, the step it reached,
the config file it writes, its age, and whether it ran in the sandbox. A draft is removed when
its walk finishes; --rm ID removes one, --all every one. Drafts hold secrets: they live in
$XDG_STATE_HOME/setup-wizard (default ~/.local/state/setup-wizard), mode 0600.`,
		`途中で中断した手順（ctrl+cで保存）の下書きを一覧にします：手順、進んだステップ、書き出す設定ファイル、
経過時間、サンドボックスかどうか。手順を最後まで終えると下書きは削除されます。--rm IDで1つ、--allですべて削除します。
下書きにはシークレットが含まれます。保存先は$XDG_STATE_HOME/setup-wizard（既定~/.local/state/setup-wizard）、権限0600です。`)
	flagDraftRm     = steps.T("remove the draft with this ID (repeat for several)", "このIDの下書きを削除する（複数指定可）")
	flagDraftAll    = steps.T("remove every draft", "すべての下書きを削除する")
	msgNoSuchDraft  = steps.T("no draft %q: run 'setup-wizard drafts' to see their IDs", "下書き%qはありません。'setup-wizard drafts'でIDを確認してください")
	msgDraftRemoved = steps.T("Removed draft %s.", "下書き%sを削除しました。")
	msgNoDrafts     = steps.T("No drafts.", "下書きはありません。")
	txtReal         = steps.T("real", "本番")
	txtSandbox      = steps.T("sandbox", "サンドボックス")
	txtBroken       = steps.T("damaged", "破損")

	msgBadFlow = steps.T("--flow %q is not a LINE flow: use new (first time) or switch (switching from another service)",
		"--flow %qというLINEの手順はありません。new（はじめて）かswitch（他サービスからの乗り換え）を指定してください")
	completeFlowNew    = steps.T("first time", "はじめて")
	completeFlowSwitch = steps.T("switching from another service", "他サービスからの乗り換え")
	msgBadInputTimeout = steps.T("--input-timeout must be 0 (wait for ever) or more (for example 10s)", "--input-timeoutは0（待ち続ける）以上にしてください（例：10s）")
)

// Words of replay.
var (
	helpReplayShort = steps.T("Open a customer's config file at the step they reached, to walk the same path",
		"お客様の設定ファイルを、その人が進んだステップから開き、同じ手順をたどります")
	helpReplayLong = steps.T(`Opens the walk on a customer's config file (an export --redact copy is fine) at the
flow and step it reached: every value the file has is filled in, each secret the file had
redacted is left to be typed (or given as LINE_CHANNEL_ACCESS_TOKEN… or with a --…-file
flag), and the results recorded in the file are shown as "from the customer's last run"
until the checks run again. Nothing is written over FILE: the walk saves to
FILE.replay.yaml (or -c).`,
		`お客様の設定ファイル（export --redactの出力でもかまいません）を、その人が進んだ手順とステップから開きます。
ファイルにある値はすべて入力済みになり、伏せられたシークレットは入力を求めます（LINE_CHANNEL_ACCESS_TOKENなどの環境変数や
--…-fileフラグでも渡せます）。ファイルに記録された結果は、チェックをやり直すまで「お客様の前回の実行結果」として表示します。
FILEは書き換えません。保存先はFILE.replay.yaml（または-c）です。`)
	helpReplayExample = steps.T(`  setup-wizard replay customer.yaml
  setup-wizard replay customer.yaml --sandbox                 # walk it against the emulator
  LINE_CHANNEL_ACCESS_TOKEN=… setup-wizard replay redacted.yaml`,
		`  setup-wizard replay customer.yaml
  setup-wizard replay customer.yaml --sandbox                 # 模擬APIでたどる
  LINE_CHANNEL_ACCESS_TOKEN=… setup-wizard replay redacted.yaml`)
	flagReplayConfig   = steps.T("where the walk saves (default FILE.replay.yaml; never FILE itself)", "保存先（既定値FILE.replay.yaml。FILE自体には保存しない）")
	flagProvider       = steps.T("line or naver, for a file that has both", "lineまたはnaver（両方あるファイルのとき）")
	msgReplayWhichFile = steps.T("say which config file to replay: setup-wizard replay FILE", "開く設定ファイルを指定してください：setup-wizard replay FILE")
	msgBadProvider     = steps.T("--provider %q: use line or naver", "--provider %q：lineかnaverを指定してください")
	msgReplayOverwrite = steps.T("replay never writes over the customer's file %s: point -c elsewhere", "replayはお客様のファイル%sを上書きしません。-cで別の保存先を指定してください")
	msgReplayNoSection = steps.T("%s has no %s section", "%sには%sの設定がありません")
	msgReplaying       = steps.T("Replaying %s: flow %s, at step %s; saving to %s.", "%sを再現します：手順%s、ステップ%sから。保存先%s。")
	msgReplayAsk       = steps.T("Redacted in the file, to be typed at their step: %s.", "ファイルで伏せられているため、そのステップで入力が必要：%s。")
)
