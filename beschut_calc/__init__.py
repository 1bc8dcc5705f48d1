"""beschut-calc: the business case of one beschut werk placement (Participatiewet)."""
__version__ = "0.1.0"
