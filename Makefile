# 女性社会组织专栏 — two commands on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
DESK_PORT := $(if $(filter default file,$(origin PORT)),8001,$(PORT))

export PYTHONPATH := $(CURDIR)/hooks
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build check linkcheck schemas new-story test bench system-deps clean search-bench desk bench-desk

$(VENV)/.site: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.desk: requirements-desk.txt $(VENV)/.site
	$(BIN)/pip install -q -r requirements-desk.txt
	touch $@

$(VENV)/.test: requirements-test.txt $(VENV)/.desk
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@

## 本地预览（含草稿），浏览器打开 http://127.0.0.1:8000/；场地申请表发到本机的受理台（另开一个终端运行 make desk）
serve: $(VENV)/.site
	COLUMN_DRAFTS=1 COLUMN_LOCAL_DESK=$${COLUMN_LOCAL_DESK-http://127.0.0.1:8001} SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --livereload -a 127.0.0.1:$(PORT)

## 正式构建到 site/：先建到临时文件夹，成功后改名换入（旧的先改名移开，换好后再删），中途停止也不会留下删了一半的 site/
build: $(VENV)/.site
	rm -rf .site-build
	$(BIN)/mkdocs build --strict --site-dir .site-build
	rm -rf .site-old
	if [ -d site ]; then mv site .site-old; fi
	mv .site-build site
	rm -rf .site-old
	@echo "构建完成：site/"

## 只检查记录（快）
check: $(VENV)/.site
	@$(BIN)/python -m column check

## 检查构建好的 site/ 中每个站内链接、图片和脚本（先运行 make build）
linkcheck: $(VENV)/.site
	@$(BIN)/python -m column linkcheck --site site

## 按 schema 重新生成 schemas/*.schema.json 和 .vscode/settings.json
schemas: $(VENV)/.site
	@$(BIN)/python -m column schemas

## 新建记录：make new-org ID=…（new-event、new-venue、new-training 同理）；故事：make new-story SLUG=…
new-story: $(VENV)/.site
	@$(BIN)/python -m column new story -- "$(SLUG)"
new-%: $(VENV)/.site
	@$(BIN)/python -m column new $* -- "$(ID)"

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --silent
	touch $@

## 受理台（接收场地申请），浏览器打开 http://127.0.0.1:8001/staff/（PORT= 可改端口；数据在 .desk/）
desk: $(VENV)/.desk node_modules/.installed
	DESK_BASE_URL=$${DESK_BASE_URL:-http://127.0.0.1:$(DESK_PORT)} $(BIN)/python -m desk serve --port $(DESK_PORT)

## 全部测试（含真实浏览器测试）
test: $(VENV)/.test system-deps node_modules/.installed
	$(BIN)/python -m pytest

## 性能基准：区级（200 组织 / 2,000 活动）与市级（1,000 / 10,000）规模（不属于 make test）
bench: $(VENV)/.test
	$(BIN)/python bench/run.py

## 站内搜索的命中率、下载量和响应时间（本站索引 / Material+jieba，样例与市级规模；不属于 make test）
search-bench: $(VENV)/.test system-deps
	$(BIN)/python bench/search.py

## 受理台的性能基准：POST /requests 的每秒请求数和 p50/p99 延迟（SQLite 与 PostgreSQL，1 和 50 个并发；不属于 make test）
bench-desk: $(VENV)/.test system-deps node_modules/.installed
	$(BIN)/python bench/desk.py

## 浏览器等系统软件包（Debian；以 root 运行时自动安装）
system-deps:
	@sh scripts/system-deps.sh

clean:
	rm -rf $(VENV) site .site-build .site-old .pytest_cache
