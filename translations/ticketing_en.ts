<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessibleTool</name>
    <message>
        <source>Accessible seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click a seat to mark it accessible (wheelchair space), or to unmark it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark a seat accessible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unmark an accessible seat</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Label rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark seats accessible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unmark accessible seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outline sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Align</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distribute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change a section's key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename a section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change a standing area's places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change a row's label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change a seat's number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a seated section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a standing area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw the stage</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BigButton</name>
    <message>
        <source>Shortcut: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::BookingsModel</name>
    <message>
        <source>(walk-in)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::boxoffice::BoxOfficeWindow</name>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Box office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Open your shift&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Count the cash in the drawer before the first sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash in the &amp;drawer:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opening float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 100.00</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the shift (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Events&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search by title, city or genre (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search events (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events, today's first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is not a box office account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the drawer's currency.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The float cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading events…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No event is on sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Close the shift&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash &amp;counted:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counted cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Count the drawer and type what is in it; Enter closes the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;lose the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close the shift with the cash counted (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Print the report (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the shift's report (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a &amp;new shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a new shift</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Best available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Best available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay &amp;cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay by c&amp;ard at the terminal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay by card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Print again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Next sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Will-call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Will-call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Close the shift…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system's language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deutsch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF files in a folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new language applies from the next start of the box office.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Count the cash in the drawer.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Sales (%n)</source>
        <translation><numerusform>Sales (%n)</numerusform><numerusform>Sales (%n)</numerusform></translation>
    </message>
    <message>
        <source>cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>card at the counter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>card online</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Refunds (%n)</source>
        <translation><numerusform>Refunds (%n)</numerusform><numerusform>Refunds (%n)</numerusform></translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected in the drawer: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counted: %1. Difference: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The shift's currency is unknown to this app.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The counted cash cannot be negative.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the cash counted, e.g. 250.00.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closing the shift…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The shift is closed; the drawer is right.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The shift is closed; the drawer is %1 %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>short by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>over by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift report %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printed (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sell tickets for this event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the sale of the chosen event (Enter in the list)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Se&amp;ll tickets for this event (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift open, float %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to the box office</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera picture</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::CartModel</name>
    <message>
        <source>Standing (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 off: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::Checkout</name>
    <message>
        <source>No answer from the server. The payment goes on by itself when the connection is back; it will not be taken twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recording the cash payment…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting the payment at the terminal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Present the card at the terminal: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still waiting for the card provider's answer. The sale completes as soon as it comes; nothing is charged twice.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelling the payment at the terminal…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid. Issuing the tickets…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CurveTool</name>
    <message>
        <source>Curved rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click a seated section to curve its rows around the stage (radius from the tool bar)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click the section to curve, then the first row's left end, a point on the curve, and its right end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click where the first row begins (its left end)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click a point the first row passes through</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click where the first row ends (its right end)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Curve rows</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::DesignerPage</name>
    <message>
        <source>Venue designer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ro&amp;ws:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seats per r&amp;ow:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seats per row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat spacin&amp;g:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat spacing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row spaci&amp;ng:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row spacing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing p&amp;laces:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cur&amp;ve radius:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Curve radius</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By &amp;three points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Curve by three points</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;nap to grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Snap to grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gr&amp;id:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Properties</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Venue &amp;name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Venue name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>two letters, e.g. GB</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row &amp;labels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A, B, C… from the &amp;front</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A, B, C… from the &amp;back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1, 2, 3… from the f&amp;ront</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1, 2, 3… from the b&amp;ack</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat &amp;numbers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Left to right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Right to left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Odd and even from the middle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark &amp;accessible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Unmark accessible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Outline sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Align &amp;right</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Align &amp;bottom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Centre &amp;horizontally</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Centre &amp;vertically</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distribute &amp;across</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Distribute &amp;down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn 15° clock&amp;wise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn 15° &amp;anticlockwise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn 90° clockw&amp;ise</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn 90° anticlockwis&amp;e</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Fit the venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the &amp;selection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its city</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its country (two letters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>its time zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The venue needs %1 (the Venue panel).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate a stadium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A &amp;seated section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A s&amp;tanding area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The s&amp;tage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1   %2</source>
        <comment>a tool in the palette: its name, its key</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>a tool's tooltip: its name, its key, what it does</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Europe/London</source>
        <extracomment>An example of an IANA time zone name, as typed in the field.</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::DesignerView</name>
    <message>
        <source>Seat map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The venue being designed. Tools: S select, R seated section, C curved rows, A standing area, T stage, W accessible seats.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::DevicesPage</name>
    <message>
        <source>&lt;h2&gt;Gate scanners&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scanners</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrolled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scans</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove the scanner…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the chosen scanner: its key stops working at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload the scanners</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload the list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;Add a scanner&lt;/h3&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scanner name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scanner 3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>North</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Gate:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add the scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add it and show its enrollment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for its code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name the scanner and its gate first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A QR code for %1 at gate %2: the scanner reads it to enroll.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan this with %1 at gate %2, or type the code %3 with the server %4. It works once, until %5.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 added: show it the code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a scanner in the list first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed: it can no longer scan.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 at gate %2? It stops working at once; scans it has not sent yet are lost unless it is enrolled again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EnrollScreen</name>
    <message>
        <source>No camera found: type the code the organizer shows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll this scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold the organizer's enrollment QR code up to the camera, or type the server's address and the 12-character code. This is done once.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enrollment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enroll</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https://tickets.example.org</source>
        <extracomment>An example of a server address.</extracomment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ABCD-EFGH-JKMN</source>
        <extracomment>How an enrollment code looks (12 letters and digits in groups of four).</extracomment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::EventDashboard</name>
    <message>
        <source>Live</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Live seat map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>why: house seats, camera, sponsor…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Block the seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Block the seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold the selected seats back from sale (Ctrl+B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Release the seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Release the seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Put the selected blocked seats back on sale (Ctrl+Shift+B)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reaso&amp;n:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gross</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales &amp;by:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales over time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online and box office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By payment method</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settlement</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dashboard message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the seat map…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The event is not on sale: its seats are live once it is published.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sold %1 of %2 · held %3 · blocked %4 · available %5 · gross %6 · refunds %7 · net %8</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no sales yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>box office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gross %1, refunds %2, net sales %3; the platform's fee of %4 % is %5; the payout of %6 is %7 on %8.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select available seats on the map first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say why the seats are held back (the reason), then block them.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n seat(s) blocked.</source>
        <translation><numerusform>%n seat blocked.</numerusform><numerusform>%n seats blocked.</numerusform></translation>
    </message>
    <message>
        <source>Select blocked seats on the map first.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n seat(s) back on sale.</source>
        <translation><numerusform>%n seat back on sale.</numerusform><numerusform>%n seats back on sale.</numerusform></translation>
    </message>
    <message>
        <source>The report is in %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At the gate: %1 let in, %2 inside now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a share of the pie: its name, its amount</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::EventEditor</name>
    <message>
        <source>Venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Genre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>music</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>theatre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>comedy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sport</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>family</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>talk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Genre:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On sale from &amp;publication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On sale from publication</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale st&amp;arts:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On sale &amp;until it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On sale until it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale ends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale e&amp;nds:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Tiers&lt;/b&gt;: a price for seated sections (their keys, separated by commas), or for places of one standing section.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add a tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove the tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One tier &amp;per section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One tier per section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Refunds&lt;/b&gt;: a cancellation more than the hours before the start gets the percentage back (the rule with the most hours that applies).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund rules</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hours before the start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a r&amp;ule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the ru&amp;le</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>S&amp;tandard policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standard policy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the event (Ctrl+Return)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bac&amp;k to the events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Times are the venue's (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Edit: %1&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;New event&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a venue (save one in the designer first).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund rule %1: hours and percentage are whole numbers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price of new tiers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New tiers at pri&amp;ce:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;One tier for all seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One tier for all seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a venue: its name, its city</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a problem: its field, what is wrong</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EventScreen</name>
    <message>
        <source>Choose the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 at gate %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No published event of this organizer yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F5</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>on sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>over</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::EventsModel</name>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::gate::Gate</name>
    <message>
        <source>This scan could not be saved (%1). Nobody was let in: scan again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This scanner has not loaded the ticket list yet, and the server does not answer. Nobody was let in: scan again in a moment.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::GenerateDialog</name>
    <message>
        <source>Generate a stadium</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocks of seats in a ring around the pitch. The map it makes replaces the one in the designer (Undo brings it back).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Blocks:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Rows per block:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows per block</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Inner radius:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inner radius</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Seat spacing:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat spacing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R&amp;ow spacing:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row spacing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Gap between blocks (degrees):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Gap between blocks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing &amp;floor (places, 0 for none):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing floor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 seats, %2 places in all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too large: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Gate scanner</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::MiniMap</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The whole venue; click or use the arrow keys to move the view</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::OrganizerWindow</name>
    <message>
        <source>Organizer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Your venues&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Venues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open in the designer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open in the designer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open the chosen venue (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw a new venue (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Venues message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Venues…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save the venue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Import a seat map…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Import a seat map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat maps (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Export the seat map…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the seat map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deutsch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The language changes the next time the app starts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account is not an organizer's account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The venue has changes that are not saved. Discard them?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading your venues…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No venues yet: draw one with New venue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a venue first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exported the seat map to %1.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n place(s)</source>
        <translation><numerusform>%1 · %2 · %n place</numerusform><numerusform>%1 · %2 · %n places</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The seat map has %n problem(s); the Problems panel lists them.</source>
        <translation><numerusform>The seat map has %n problem; the Problems panel lists them.</numerusform><numerusform>The seat map has %n problems; the Problems panel lists them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n place(s).</source>
        <translation><numerusform>Saved: %n place.</numerusform><numerusform>Saved: %n places.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 is not a seat map: %2 %3 (and %n more problem(s))</source>
        <translation><numerusform>%1 is not a seat map: %2 %3 (and %n more problem)</numerusform><numerusform>%1 is not a seat map: %2 %3 (and %n more problems)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n place(s).</source>
        <translation><numerusform>Imported %n place.</numerusform><numerusform>Imported %n places.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Generate a stadium…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Generated %n place(s).</source>
        <translation><numerusform>Generated %n place.</numerusform><numerusform>Generated %n places.</numerusform></translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Events…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Cancel the event…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xport the report as CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open an event's dashboard first (F8).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export the report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;rint the report…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the report as P&amp;DF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Your events&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new event on one of your venues (Ctrl+Shift+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit the chosen event (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Put the chosen event on sale (Ctrl+Shift+P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the chosen event and refund its bookings (Ctrl+Shift+Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Watch the chosen event sell (F8)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Venues</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Your venues and the designer (Ctrl+O)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Events message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading your events…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No events yet: make one with New event (a venue first).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw and save a venue first (File &gt; New venue).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 goes on sale:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>• %1: %n place(s) at %2</source>
        <translation><numerusform>• %1: %n place at %2</numerusform><numerusform>• %1: %n places at %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) in all.</source>
        <translation><numerusform>%n place in all.</numerusform><numerusform>%n places in all.</numerusform></translation>
    </message>
    <message>
        <source>Sale from %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale from now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>until it starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Once published, only its title, description and genre can change.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only a draft can be published.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not published: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is on sale.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Cancel %1? %n booking(s) will be refunded in full.</source>
        <translation><numerusform>Cancel %1? %n booking will be refunded in full.</numerusform><numerusform>Cancel %1? %n bookings will be refunded in full.</numerusform></translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in to organize</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1%2 — %3</source>
        <comment>the window's title: the venue, * when unsaved, the app</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>an event: title, start, status</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a problem: its field, what is wrong</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Gates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Scanners…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pro&amp;mo codes…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pro&amp;mo codes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promo codes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The chosen event's promo codes and their uses (F6)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrintTarget</name>
    <message>
        <source>PDF files in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The printer %1 is not available.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not start printing on %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printing on %1 failed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Printout</name>
    <message>
        <source>Cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card at the counter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booking %1 · Ticket %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show this code at the gate. One entry per ticket.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt (copy)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tendered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booking(s): %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Served by %1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Closed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Sales (%n payment(s))</source>
        <translation><numerusform>Sales (%n payment)</numerusform><numerusform>Sales (%n payments)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Refunds (%n)</source>
        <translation><numerusform>Refunds (%n)</numerusform><numerusform>Refunds (%n)</numerusform></translation>
    </message>
    <message>
        <source>The drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opening float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counted cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No problems: the venue can be saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No problems</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a problem: its path, what is wrong</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::organizer::PromoCodesPage</name>
    <message>
        <source>Promo codes of the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promo codes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Per buyer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tiers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A use counts from the hold that takes the code, and comes back when the hold ends or the booking is cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Remove the code…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the chosen code: it can no longer be used; bookings keep their discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload the promo codes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload the list and its uses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;Add a promo code&lt;/h3&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SUMMER25</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>3 to 32 letters, digits, - or _; buyers may type it in any case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kind of discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Percent off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Percent off:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>5.00</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off the tickets it applies to in one booking, in the event's currency; never more than they cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Amount off:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uses in all</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Us&amp;es in all:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Uses per buyer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counted by the buyer's account online, by the customer's e-mail at the box office</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Per &amp;buyer:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid fr&amp;om:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid from a date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid u&amp;ntil:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid until a date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The tiers it is for (Space ticks one); none ticked: every tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Tiers:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Minimum tickets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tickets of its tiers one booking needs for the code to apply</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Minimum tickets:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the co&amp;de</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the code to the event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h2&gt;Promo codes: %1&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promo codes of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Until %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the code first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Say how much the code takes off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 added: buyers can use it now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a code in the list first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed: it can no longer be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the promo code</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Remove %1? Buyers can no longer use it; the %n booking(s) that used it keep their discount.</source>
        <translation><numerusform>Remove %1? Buyers can no longer use it; the %n booking that used it keep their discount.</numerusform><numerusform>Remove %1? Buyers can no longer use it; the %n bookings that used it keep their discount.</numerusform></translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::PropertiesPanel</name>
    <message>
        <source>Selection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section &amp;key:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Letters A-Z, digits and _; the first part of every seat's label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section &amp;name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Places:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Row label:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Row label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat n&amp;umber:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acc&amp;essible (wheelchair space)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accessible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing selected. Click a seat or a section, or drag around seats.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the stage</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n seat(s)</source>
        <translation><numerusform>%n seat</numerusform><numerusform>%n seats</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation><numerusform>%n section</numerusform><numerusform>%n sections</numerusform></translation>
    </message>
</context>
<context>
    <name>ticketing::boxoffice::SalePage</name>
    <message>
        <source>Event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat map</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click seats to hold them; arrows and Space with the keyboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer (optional, before choosing)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The name the booking is found by at will-call</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Number of places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Places:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Accessible seats only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accessible seats only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Best available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold time left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash (F9)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take cash for the cart (F9)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card (F10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay by card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take the card at the counter's terminal (F10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount tendered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What the customer hands over; Enter takes it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ten&amp;dered:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change due:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take the cash (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Take the cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record the cash payment and print (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the card payment (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the card payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the payment at the terminal (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next sale (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear the cart for the next customer (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print again (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the last sale's tickets and receipt again (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing held yet</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Total: %1 for %n place(s)</source>
        <translation><numerusform>Total: %1 for %n place</numerusform><numerusform>Total: %1 for %n places</numerusform></translation>
    </message>
    <message>
        <source>Offline: nothing can be held or sold until the server answers again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (standing), %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the seat map…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Best available (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add &amp;standing places (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold the best seats of the tier together (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Hold the number of standing places (F5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A payment is under way; wait for it to finish.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offline: nothing can be held until the server answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finding the best seats…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Holding the places…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The seats are in more than one row.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The hold has ended: its seats left the cart. Hold them again to sell them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held for %1:%2 more</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the amount handed over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 short</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The amount tendered does not cover the total of %1.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Sold: %n ticket(s), %1.</source>
        <translation><numerusform>Sold: %n ticket, %1.</numerusform><numerusform>Sold: %n tickets, %1.</numerusform></translation>
    </message>
    <message>
        <source>Change due: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tickets %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sale is complete, but printing failed: %1 Print again with F12.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printed (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The hold ends in %1:%2: take the payment now, or the seats go back on sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promo code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A code the customer has: each hold made while it is here is priced with it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>P&amp;romo code:</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Total: %1 for %n place(s), %2 off</source>
        <translation><numerusform>Total: %1 for %n place, %2 off</numerusform><numerusform>Total: %1 for %n places, %2 off</numerusform></translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Gate %1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admitted here</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inside now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No camera found: scan tickets with the handheld scanner.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading the ticket list...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Handheld scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan a ticket, or type its code and press Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Handheld scanner input</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::gate::Scanner</name>
    <message>
        <source>This scanner's key is gone (the keychain was reset). Enroll it again with a new code from the organizer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its key is in the system keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No keychain here: its key is in a file only this account can read.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Online: %n scan(s) to upload</source>
        <translation><numerusform>Online: %n scan to upload</numerusform><numerusform>Online: %n scans to upload</numerusform></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Offline: deciding here, %n scan(s) waiting</source>
        <translation><numerusform>Offline: deciding here, %n scan waiting</numerusform><numerusform>Offline: deciding here, %n scans waiting</numerusform></translation>
    </message>
    <message>
        <source>That is not an enrollment code. It has 12 letters and digits; or scan the organizer's QR code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which server? Type its address (such as https://tickets.example.org) or scan the organizer's QR code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This code was used already, has expired, or is not known. Ask the organizer for a new one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not answer (%1). Check the address and the network, then try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This scanner cannot save its settings: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This scanner could not keep its key: it works until it is restarted, then it must be enrolled again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The organizer removed this scanner. Enroll it again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server does not answer: the events cannot be listed yet. Try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The organizer removed this scanner. Its scans not yet sent are kept; enroll it again to send them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat %1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Decided on this scanner: the server did not answer in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Admitted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exit recorded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already inside</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Came in at %1 through %2 (%3). %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>another scanner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not inside</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This ticket has no entry to leave by. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: cancelled ticket</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This ticket was cancelled, refunded or transferred. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: not a valid ticket</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forged, altered, or not a ticket of ours.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: another event</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This ticket is for a different event.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: not valid yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: expired</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::seatmap::SeatMapLegend</name>
    <message>
        <source>Accessible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seat map legend</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SectionGraphic</name>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation><numerusform>%n place</numerusform><numerusform>%n places</numerusform></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>a standing area: its name, its places</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>a section: its key, its name</comment>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SectionTool</name>
    <message>
        <source>Seated section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click to place a block of rows and seats as the tool bar says; drag to size it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a seated section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Section %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SelectTool</name>
    <message>
        <source>Select</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click to select, Shift+click to add, drag to move; Ctrl+drag turns; drag from empty space to select a rectangle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rotate</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::widgets::SignInForm</name>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the server, your e-mail and your password.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StageGraphic</name>
    <message>
        <source>STAGE</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StageTool</name>
    <message>
        <source>Stage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drag to draw the stage (it replaces the one there is)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Draw the stage</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StandingTool</name>
    <message>
        <source>Standing area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Click the corners of the area; Enter or a double click closes it, Backspace takes a corner back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a standing area</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Standing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::boxoffice::WillCallPage</name>
    <message>
        <source>&lt;h2&gt;Will-call&lt;/h2&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search bookings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name, e-mail, booking or ticket number (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search bookings (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bookings found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booking details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print again (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the tickets again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print the booking's tickets and a copy of the receipt (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel and refund… (Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel and refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel the booking under its event's refund policy (Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm the refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm (Enter); Esc keeps the booking</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No booking matches.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n booking(s) found.</source>
        <translation><numerusform>%n booking found.</numerusform><numerusform>%n bookings found.</numerusform></translation>
    </message>
    <message>
        <source>Search, then choose a booking.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Booking %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refunded %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund %1 and cancel (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Under the event's refund policy nothing is given back now; the tickets would be cancelled. Confirm with Enter, or Esc to keep the booking.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Under the event's refund policy %1 of %2 is given back. Confirm with Enter, or Esc to keep the booking.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refunding…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancelled. Give back %1; the tickets no longer admit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tickets %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Printed again (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The box office of the ticketing suite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ticketd's address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the agent's e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The organizer's app of the ticketing suite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the organizer's e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The gate scanner of the ticketing suite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ticketd's address, for a code typed by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>where the scanner keeps its tickets and its queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>enroll at once with this code or enrollment link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>full screen</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The scanner cannot open its store: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>scan this event (its id) once enrolled</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::Display</name>
    <message>
        <source>Group discount: %1 or more (%2 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promo code %1 (%2 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Promo code %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::Failure</name>
    <message numerus="yes">
        <source>Not enough places left: %n available.</source>
        <translation><numerusform>Not enough places left: %n available.</numerusform><numerusform>Not enough places left: %n available.</numerusform></translation>
    </message>
    <message>
        <source>The hold has ended; the seats must be held again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This buyer holds as many places as allowed for this event.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This event is not on sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open a shift before taking money.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The shift counts %1; this sale is in %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A shift is open already.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This shift is closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This booking is paid already.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card was declined.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card payment was cancelled; nothing was charged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The card payment did not go through.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The payment can no longer be cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The e-mail or the password is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This account may not do that.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not found (it may have been removed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Too many attempts; wait a moment and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Please correct: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server is busy; trying again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server cannot be reached (%1). Nothing is lost: try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server's answer could not be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n seat(s) were taken by someone else meanwhile.</source>
        <translation><numerusform>%n seat was taken by someone else meanwhile.</numerusform><numerusform>%n seats were taken by someone else meanwhile.</numerusform></translation>
    </message>
    <message>
        <source>The promo code cannot be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no such promo code for this event.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The promo code is not valid yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The promo code has expired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The promo code has been used as often as it may.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This customer has used the promo code as often as allowed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The promo code is not for these tickets.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The promo code needs more tickets in one hold.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing was held.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The event has a promo code with that text already.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::client::Session</name>
    <message>
        <source>No keychain is available (%1): you will be asked for your password next time.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::seatmap::SeatMapScene</name>
    <message>
        <source>accessible</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ticketing::seatmap::StatusStyle</name>
    <message>
        <source>Available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>