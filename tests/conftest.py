"""Shared helpers for the test suite.

- Hypothesis runs derandomized (a fixed seed derived from each test) so CI is reproducible;
  `HYPOTHESIS_PROFILE=dev` gives random exploration locally.
- `write_scenario` writes a scenario YAML by hand (Decimals as plain text, no float round trip)
  and `placement` loads one column through the public loader, so rule tests exercise the same
  path as `beschut-calc FILE`.
"""
from __future__ import annotations

import os
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

settings.register_profile("ci", derandomize=True, max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

CENT = Decimal("0.01")


def cents(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def assert_cent(got: Decimal, expected: Decimal, what: str = "") -> None:
    """Equal to the cent, and not merely by a lucky rounding: the difference is far below a cent."""
    assert cents(got) == cents(expected), f"{what}: got {got}, expected {expected}"
    assert abs(Decimal(got) - Decimal(expected)) < Decimal("0.000001"), f"{what}: got {got}, expected {expected}"


def _yaml_value(value, indent: int) -> str:
    if isinstance(value, dict):
        pad = "  " * (indent + 1)
        return "\n" + "\n".join(f"{pad}{k}:{' ' if not isinstance(v, dict) else ''}{_yaml_value(v, indent + 1)}"
                                for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str) and (value.endswith("%") or " " in value or value[:1].isdigit()):
        return f'"{value}"'
    return str(value)


def scenario_text(keys: dict) -> str:
    return "".join(f"{k}:{' ' if not isinstance(v, dict) else ''}{_yaml_value(v, 0)}\n" for k, v in keys.items())


def write_scenario(directory: Path, filename: str = "s.yaml", **keys) -> Path:
    path = directory / filename
    path.write_text(scenario_text(keys), encoding="utf-8")
    return path


BASE = {"name": "test", "year": 2017, "hours": 31, "wage_value": "30%", "employer_model": "municipality",
        "subsidy_set": "geen"}


@pytest.fixture(scope="session")
def book():
    from beschut_calc.inputs.parameter_files import load_parameters

    return load_parameters()


@pytest.fixture
def placement(tmp_path):
    """placement(year=2018, hours=24, overrides={...}) -> the one column of that scenario, loaded from YAML."""
    from beschut_calc.inputs.load import load_scenario

    counter = iter(range(10_000))

    def make(**keys):
        path = write_scenario(tmp_path, f"s{next(counter)}.yaml", **{**BASE, **keys})
        scenario = load_scenario(path)
        assert len(scenario.placements) == 1
        return scenario.placements[0]

    return make


@pytest.fixture
def calc(placement, book):
    """calc(**keys) -> Result of the engine for a one-column scenario."""
    from beschut_calc.core.engine import calculate

    def run(**keys):
        return calculate(placement(**keys), book)

    return run
