"""sukien's front ends: the Textual timeline app and the command line."""
