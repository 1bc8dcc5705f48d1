"""Reports: turn engine Results into text, JSON or workbooks. No calculation happens here."""
