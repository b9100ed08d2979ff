#!/bin/sh
# Debian packages the tests use: Chromium (pages and forms in a real browser),
# zbar (decoding QR codes), CJK fonts (what a reader sees; the build draws share cards
# with Noto Sans CJK), npm (axe-core for the accessibility tests, the ALTCHA widget the
# desk serves), PostgreSQL (the desk's tests start their own server with initdb). Installed when missing
# and running as root; otherwise says what to run.
set -e
need=""
[ -x /usr/bin/chromium ] || need="$need chromium"
[ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need="$need fonts-noto-cjk"
ls /usr/lib/*/libzbar.so.0 >/dev/null 2>&1 || need="$need libzbar0"
command -v npm >/dev/null || need="$need npm"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "安装系统软件包：$need"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q $need >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q $need >/dev/null; }
else
  echo "测试需要这些 Debian 软件包：$need" >&2
  echo "请运行：sudo apt-get install$need" >&2
  exit 1
fi
