/** Print CSS shared by the default templates (letter paper, 2 cm margins). */
export const PRINT_CSS = `
@page { size: letter; margin: 2cm 2cm 2.2cm 2cm; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #111; max-width: 21.6cm; margin: 0 auto; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 .6em; }
h2 { font-size: 11pt; text-align: center; margin: 1.2em 0 .5em; }
h3 { font-size: 10pt; margin: 1em 0 .4em; }
p { text-align: justify; margin: 0 0 .55em; }
.center { text-align: center; }
.small { font-size: 8pt; color: #444; }
table { width: 100%; border-collapse: collapse; margin: .4em 0 .8em; page-break-inside: auto; }
th, td { border: 1px solid #999; padding: 3px 4px; vertical-align: top; font-size: 8.5pt; }
th { background: #eee; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
.num { text-align: right; white-space: nowrap; }
table.firmas td { border: none; text-align: center; padding-top: 3.5em; width: 50%; }
footer { margin-top: 1.5em; border-top: 1px solid #999; padding-top: .3em; }
@media print { a { color: inherit; text-decoration: none; } }
`
