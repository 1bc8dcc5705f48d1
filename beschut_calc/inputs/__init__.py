"""Reading what users and the package supply: YAML, schema, scenarios, catalogues, parameters."""
