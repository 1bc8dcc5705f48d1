"""The pure core: model, parameter types, rules, engine, results and notices. No I/O."""
