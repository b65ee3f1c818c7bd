from claimtrack.cli import cli

cli()
