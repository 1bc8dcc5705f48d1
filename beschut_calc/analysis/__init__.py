"""Analyses on top of the engine (issue 5): break-even, sweeps, multi-year projections, the municipal budget.

Every module calls the scalar engine (`engine.calculate`) for its figures; only `sweep`
vectorises, and its tests compare it with the engine point by point. Nothing here is
imported by a plain table run.
"""
