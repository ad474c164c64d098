from hytetool.cli import run

run()
