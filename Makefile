# Two commands for a newcomer: `make demo` (set up + build the bundled bank) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup bench schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@# gift-pegjs: an independent GIFT parser the export tests compare against (skipped without node)
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --silent --no-audit --no-fund --prefix tests/node >/dev/null 2>&1 \
		|| echo "note: npm install of gift-pegjs failed; the GIFT round-trip test will skip"; fi
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/quizgen check
	$(BIN)/quizgen build -o out
	@echo "Open out/llama-3-2024/ to see every output."

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

schema: $(STAMP)
	$(BIN)/quizgen schema -o schemas/facts.schema.json

clean:
	rm -rf $(VENV) out dist build .pytest_cache tests/node/node_modules
