"""Console commands defined as functions: `parvel inspire`."""

from parvel.support.console import Output, command


@command("inspire")
def inspire(out: Output) -> None:
    """Display an inspiring quote."""
    out.comment("Simplicity is the ultimate sophistication. — Leonardo da Vinci")
