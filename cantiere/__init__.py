"""Cantiere del Welfare: participatory dashboard for the social cooperatives of Ravenna."""

__version__ = "0.1.0"
