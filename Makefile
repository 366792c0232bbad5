# The README's commands. Each works on a fresh machine with only Python >= 3.10 and the package index.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.fazhi-installed
export FAZHI_CACHE_DIR ?= $(CURDIR)/.cache/fazhi
export MPLCONFIGDIR    ?= $(CURDIR)/.cache/matplotlib
export PYTHONDONTWRITEBYTECODE = 1

.PHONY: report test lint lab clean install

# Create the virtualenv when missing and (re)install the package with its dev extras
# whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# notebooks are committed without outputs: git stores them stripped (.gitattributes), even
	@# after Run All in JupyterLab (a clone without git, e.g. an archive, skips this)
	@if git rev-parse --git-dir >/dev/null 2>&1; then $(BIN)/nbstripout --install; fi
	@touch $(STAMP)

install: $(STAMP)

## make report: build the corpus from data/raw and render every notebook to reports/
report: $(STAMP)
	$(BIN)/fazhi build data/raw
	$(BIN)/fazhi render data/raw --out reports

## make test: run the whole test suite, on TEST_WORKERS processes (pytest-xdist, a test file
## per process at a time; the notebooks render once in a job they share); TEST_WORKERS=0 runs
## it in one process
TEST_WORKERS ?= 2
test: $(STAMP)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

## make lint: ruff
lint: $(STAMP)
	$(BIN)/ruff check src tests bench

## make lab: JupyterLab on the package's notebooks (src/fazhi/notebooks); as root (containers,
## shared servers) with --allow-root, which JupyterLab otherwise refuses to start without
lab: $(STAMP)
	$(BIN)/jupyter lab src/fazhi/notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

## make clean: remove generated data, reports and caches (never data/raw)
clean:
	rm -rf data/processed reports .cache .pytest_cache .ruff_cache
	mkdir -p reports && touch reports/.gitkeep
