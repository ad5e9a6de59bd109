# The browser host (host/browser), included by the Makefile.
#
# `make browser` builds dist/browser/: sqlite-core and every catalog
# extension transpiled by jco, the TypeScript API bundled by esbuild with
# its declarations, the worker, the in-page transpiler and the playground
# (host/browser/build.mjs; a component is transpiled again only when its
# .wasm changed). Its npm packages (jco-transpile, preview2-shim, esbuild,
# typescript, @noble/hashes, playwright-core; exact versions in its
# package-lock.json) are installed into host/browser/node_modules with
# `npm ci` by `make setup` when missing; node and npm come as for the JS
# SDK, Chromium from Debian (APT_PACKAGES).
# `make web` serves dist/browser/ on 127.0.0.1 and prints the URL;
# `make browser-test` runs host/browser/test/ in Debian's headless Chromium.
BROWSER := host/browser
BROWSER_MODULES := $(BROWSER)/node_modules/.package-lock.json
WEB_PORT ?= 8080

.PHONY: browser browser-test web
setup: $(BROWSER_MODULES)
browser: components c-catalog $(BROWSER_MODULES)
	node $(BROWSER)/build.mjs

browser-test: browser
	node --test $(BROWSER)/test/

web: browser
	node $(BROWSER)/serve.mjs --port $(WEB_PORT)

$(BROWSER_MODULES): $(BROWSER)/package.json $(BROWSER)/package-lock.json | $(SDK_JS_MODULES)
	cd $(BROWSER) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@
