"""The printing layer: lays out the papers ``app.services.notices`` writes — on A4, for print
preview, the printer and PDF. The only part of the app besides the window that the command line
uses (``notice``), through ``pdf.write_pdf`` and an offscreen ``QGuiApplication``."""
