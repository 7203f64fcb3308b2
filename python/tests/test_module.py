"""The module documents itself: docstrings for help(), type stubs that name every export,
the version of the build, and the example of docs/python.md runs as written."""

import ast
import os
import pathlib
import re

import sprout


def test_version_and_build():
    assert re.fullmatch(r"\d+\.\d+\.\d+", sprout.__version__)
    assert sprout.build_target


def test_docstrings_for_help():
    assert "exactly" in sprout.Simulation.__doc__
    assert "counters" in sprout.Simulation.run.__doc__
    assert "duration_ms" in sprout.Simulation.run.__doc__  # the signature pybind11 writes
    for name in sprout.__all__:
        item = getattr(sprout, name)
        if callable(item) and not isinstance(item, type(Exception)):
            assert item.__doc__, f"{name} has no docstring"


def test_stubs_name_every_export():
    stubs = pathlib.Path(sprout.__file__).with_name("_sprout.pyi")
    tree = ast.parse(stubs.read_text())
    declared = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    declared |= {target.id for node in tree.body if isinstance(node, ast.AnnAssign)
                 for target in [node.target]}
    missing = [name for name in sprout.__all__ if name not in declared]
    assert not missing, f"not in _sprout.pyi: {missing}"
    assert pathlib.Path(sprout.__file__).with_name("py.typed").exists()


def test_docs_example_runs(source_dir, data_dir, tmp_path, monkeypatch):
    text = (source_dir / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert blocks, "docs/python.md has no python example"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SPROUT_DATA_DIR", data_dir)
    namespace = {}
    for block in blocks:
        exec(compile(block, "docs/python.md", "exec"), namespace)
