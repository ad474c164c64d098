"""hytetool: Finnish municipal welfare-plan documents (HYTE) -> hand-editable YAML -> reports."""

__version__ = "0.1.0"
