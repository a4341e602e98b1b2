"""entry layer."""
