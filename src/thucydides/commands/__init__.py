"""CLI commands: one module each, registered in `thucydides.cli.COMMANDS`."""
