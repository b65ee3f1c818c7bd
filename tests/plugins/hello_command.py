"""A plugin that adds a command."""

import click

from claimtrack import hookimpl


@hookimpl
def register_commands(cli):
    @cli.command()
    @click.argument("name")
    def hello(name):
        """Say hello."""
        click.echo(f"hello {name}")
