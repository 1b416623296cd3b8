<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessibleTool</name>
    <message>
        <source>Accessible seats</source>
        <translation>Barrierefreie Plätze</translation>
    </message>
    <message>
        <source>Click a seat to mark it accessible (wheelchair space), or to unmark it</source>
        <translation>Einen Platz anklicken, um ihn als barrierefrei (Rollstuhlplatz) zu markieren oder die Markierung aufzuheben</translation>
    </message>
    <message>
        <source>Mark a seat accessible</source>
        <translation>Platz als barrierefrei markieren</translation>
    </message>
    <message>
        <source>Unmark an accessible seat</source>
        <translation>Barrierefrei-Markierung eines Platzes aufheben</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Label rows</source>
        <translation>Reihen beschriften</translation>
    </message>
    <message>
        <source>Number seats</source>
        <translation>Plätze nummerieren</translation>
    </message>
    <message>
        <source>Mark seats accessible</source>
        <translation>Plätze als barrierefrei markieren</translation>
    </message>
    <message>
        <source>Unmark accessible seats</source>
        <translation>Barrierefrei-Markierung aufheben</translation>
    </message>
    <message>
        <source>Outline sections</source>
        <translation>Bereiche umranden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausrichten</translation>
    </message>
    <message>
        <source>Distribute</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <source>Change a section's key</source>
        <translation>Kürzel eines Bereichs ändern</translation>
    </message>
    <message>
        <source>Rename a section</source>
        <translation>Bereich umbenennen</translation>
    </message>
    <message>
        <source>Change a standing area's places</source>
        <translation>Plätze eines Stehbereichs ändern</translation>
    </message>
    <message>
        <source>Change a row's label</source>
        <translation>Reihenbezeichnung ändern</translation>
    </message>
    <message>
        <source>Change a seat's number</source>
        <translation>Platznummer ändern</translation>
    </message>
    <message>
        <source>Add a seated section</source>
        <translation>Sitzbereich hinzufügen</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>Add a standing area</source>
        <translation>Stehbereich hinzufügen</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stehplatz</translation>
    </message>
    <message>
        <source>Draw the stage</source>
        <translation>Bühne zeichnen</translation>
    </message>
</context>
<context>
    <name>BigButton</name>
    <message>
        <source>Shortcut: %1</source>
        <translation>Tastenkürzel: %1</translation>
    </message>
</context>
<context>
    <name>ticketing::client::BookingsModel</name>
    <message>
        <source>(walk-in)</source>
        <translation>(Laufkundschaft)</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
</context>
<context>
    <name>ticketing::boxoffice::BoxOfficeWindow</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Box office</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Mitarbeiter</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Open your shift&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Schicht öffnen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Count the cash in the drawer before the first sale.</source>
        <translation>Zählen Sie vor dem ersten Verkauf das Bargeld in der Kasse.</translation>
    </message>
    <message>
        <source>Cash in the &amp;drawer:</source>
        <translation>Bargeld in der &amp;Kasse:</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Wechselgeld zu Beginn</translation>
    </message>
    <message>
        <source>e.g. 100.00</source>
        <translation>z. B. 100.00</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>&amp;Open the shift</source>
        <translation>Schicht ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the shift</source>
        <translation>Schicht öffnen</translation>
    </message>
    <message>
        <source>Open the shift (Enter)</source>
        <translation>Schicht öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Events&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Veranstaltungen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>Veranstaltungen suchen</translation>
    </message>
    <message>
        <source>Search by title, city or genre (F2)</source>
        <translation>Nach Titel, Stadt oder Genre suchen (F2)</translation>
    </message>
    <message>
        <source>Search events (F2)</source>
        <translation>Veranstaltungen suchen (F2)</translation>
    </message>
    <message>
        <source>Events, today's first</source>
        <translation>Veranstaltungen, heutige zuerst</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung …</translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>Die Sitzung ist abgelaufen; bitte erneut anmelden.</translation>
    </message>
    <message>
        <source>This account is not a box office account.</source>
        <translation>Dieses Konto ist kein Kassenkonto.</translation>
    </message>
    <message>
        <source>Choose the drawer's currency.</source>
        <translation>Bitte die Währung der Kasse wählen.</translation>
    </message>
    <message>
        <source>The float cannot be negative.</source>
        <translation>Das Wechselgeld kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>Veranstaltungen werden geladen …</translation>
    </message>
    <message>
        <source>No event is on sale.</source>
        <translation>Keine Veranstaltung im Verkauf.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>No shift</source>
        <translation>Keine Schicht</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Close the shift&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Schicht abschließen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Schichtbericht</translation>
    </message>
    <message>
        <source>Cash &amp;counted:</source>
        <translation>&amp;Gezähltes Bargeld:</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <source>Count the drawer and type what is in it; Enter closes the shift</source>
        <translation>Kasse zählen und den Betrag eingeben; Eingabe schließt die Schicht</translation>
    </message>
    <message>
        <source>C&amp;lose the shift</source>
        <translation>Schicht ab&amp;schließen</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>Schicht abschließen</translation>
    </message>
    <message>
        <source>Close the shift with the cash counted (Enter)</source>
        <translation>Die Schicht mit dem gezählten Bargeld abschließen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Print the report (F12)</source>
        <translation>Bericht &amp;drucken (F12)</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Print the shift's report (F12)</source>
        <translation>Den Schichtbericht drucken (F12)</translation>
    </message>
    <message>
        <source>Open a &amp;new shift</source>
        <translation>&amp;Neue Schicht öffnen</translation>
    </message>
    <message>
        <source>Open a new shift</source>
        <translation>Neue Schicht öffnen</translation>
    </message>
    <message>
        <source>&amp;Sale</source>
        <translation>&amp;Verkauf</translation>
    </message>
    <message>
        <source>&amp;Best available</source>
        <translation>&amp;Beste Plätze</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>Beste Plätze</translation>
    </message>
    <message>
        <source>Pay &amp;cash</source>
        <translation>&amp;Bar bezahlen</translation>
    </message>
    <message>
        <source>Pay cash</source>
        <translation>Bar bezahlen</translation>
    </message>
    <message>
        <source>Pay by c&amp;ard at the terminal</source>
        <translation>Mit &amp;Karte am Terminal bezahlen</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>Mit Karte bezahlen</translation>
    </message>
    <message>
        <source>&amp;Print again</source>
        <translation>Erneut &amp;drucken</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <source>&amp;Next sale</source>
        <translation>&amp;Nächster Verkauf</translation>
    </message>
    <message>
        <source>Next sale</source>
        <translation>Nächster Verkauf</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Veranstaltungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>&amp;Will-call</source>
        <translation>&amp;Abholung</translation>
    </message>
    <message>
        <source>Will-call</source>
        <translation>Abholung</translation>
    </message>
    <message>
        <source>&amp;Close the shift…</source>
        <translation>Schicht &amp;abschließen …</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Printer</source>
        <translation>&amp;Drucker</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The system's language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>PDF files in a folder…</source>
        <translation>PDF-Dateien in einem Ordner …</translation>
    </message>
    <message>
        <source>Folder for the PDF files</source>
        <translation>Ordner für die PDF-Dateien</translation>
    </message>
    <message>
        <source>The new language applies from the next start of the box office.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start der Kasse.</translation>
    </message>
    <message>
        <source>Count the cash in the drawer.</source>
        <translation>Zählen Sie das Bargeld in der Kasse.</translation>
    </message>
    <message numerus="yes">
        <source>Sales (%n)</source>
        <translation><numerusform>Verkäufe (%n)</numerusform><numerusform>Verkäufe (%n)</numerusform></translation>
    </message>
    <message>
        <source>cash</source>
        <translation>bar</translation>
    </message>
    <message>
        <source>card at the counter</source>
        <translation>Karte an der Kasse</translation>
    </message>
    <message>
        <source>card online</source>
        <translation>Karte online</translation>
    </message>
    <message numerus="yes">
        <source>Refunds (%n)</source>
        <translation><numerusform>Erstattungen (%n)</numerusform><numerusform>Erstattungen (%n)</numerusform></translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Soll in der Kasse</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlbetrag</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Expected in the drawer: %1.</source>
        <translation>Soll in der Kasse: %1.</translation>
    </message>
    <message>
        <source>Counted: %1. Difference: %2.</source>
        <translation>Gezählt: %1. Differenz: %2.</translation>
    </message>
    <message>
        <source>The shift's currency is unknown to this app.</source>
        <translation>Die Währung der Schicht ist dieser App unbekannt.</translation>
    </message>
    <message>
        <source>The counted cash cannot be negative.</source>
        <translation>Das gezählte Bargeld kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>Type the cash counted, e.g. 250.00.</source>
        <translation>Das gezählte Bargeld eingeben, z. B. 250.00.</translation>
    </message>
    <message>
        <source>Closing the shift…</source>
        <translation>Die Schicht wird abgeschlossen …</translation>
    </message>
    <message>
        <source>The shift is closed; the drawer is right.</source>
        <translation>Die Schicht ist abgeschlossen; die Kasse stimmt.</translation>
    </message>
    <message>
        <source>The shift is closed; the drawer is %1 %2.</source>
        <translation>Die Schicht ist abgeschlossen; in der Kasse %1 %2.</translation>
    </message>
    <message>
        <source>short by</source>
        <translation>im Minus um</translation>
    </message>
    <message>
        <source>over by</source>
        <translation>im Plus um</translation>
    </message>
    <message>
        <source>Shift report %1</source>
        <translation>Schichtbericht %1</translation>
    </message>
    <message>
        <source>Printed (%1).</source>
        <translation>Gedruckt (%1).</translation>
    </message>
    <message>
        <source>Sell tickets for this event</source>
        <translation>Tickets für diese Veranstaltung verkaufen</translation>
    </message>
    <message>
        <source>Open the sale of the chosen event (Enter in the list)</source>
        <translation>Den Verkauf der gewählten Veranstaltung öffnen (Eingabe in der Liste)</translation>
    </message>
    <message>
        <source>Se&amp;ll tickets for this event (Enter)</source>
        <translation>Tickets für diese Veranstaltung ver&amp;kaufen (Eingabe)</translation>
    </message>
    <message>
        <source>Shift open, float %1</source>
        <translation>Schicht offen, Wechselgeld %1</translation>
    </message>
    <message>
        <source>Sign in to the box office</source>
        <translation>Anmeldung an der Kasse</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>Camera picture</source>
        <translation>Kamerabild</translation>
    </message>
</context>
<context>
    <name>ticketing::client::CartModel</name>
    <message>
        <source>Standing (%1)</source>
        <translation>Stehplatz (%1)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>%1 off: %2</source>
        <translation>%1 Rabatt: %2</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
</context>
<context>
    <name>ticketing::client::Checkout</name>
    <message>
        <source>No answer from the server. The payment goes on by itself when the connection is back; it will not be taken twice.</source>
        <translation>Keine Antwort vom Server. Die Zahlung läuft von selbst weiter, sobald die Verbindung zurück ist; sie wird nicht doppelt abgebucht.</translation>
    </message>
    <message>
        <source>Recording the cash payment…</source>
        <translation>Die Barzahlung wird erfasst …</translation>
    </message>
    <message>
        <source>Starting the payment at the terminal…</source>
        <translation>Die Zahlung am Terminal wird gestartet …</translation>
    </message>
    <message>
        <source>Present the card at the terminal: %1.</source>
        <translation>Bitte die Karte am Terminal vorlegen: %1.</translation>
    </message>
    <message>
        <source>Still waiting for the card provider's answer. The sale completes as soon as it comes; nothing is charged twice.</source>
        <translation>Die Antwort des Kartenanbieters steht noch aus. Der Verkauf wird abgeschlossen, sobald sie kommt; nichts wird doppelt abgebucht.</translation>
    </message>
    <message>
        <source>Cancelling the payment at the terminal…</source>
        <translation>Die Zahlung am Terminal wird abgebrochen …</translation>
    </message>
    <message>
        <source>Paid. Issuing the tickets…</source>
        <translation>Bezahlt. Die Tickets werden ausgestellt …</translation>
    </message>
</context>
<context>
    <name>CurveTool</name>
    <message>
        <source>Curved rows</source>
        <translation>Gebogene Reihen</translation>
    </message>
    <message>
        <source>Click a seated section to curve its rows around the stage (radius from the tool bar)</source>
        <translation>Einen Sitzbereich anklicken, um seine Reihen um die Bühne zu biegen (Radius aus der Werkzeugleiste)</translation>
    </message>
    <message>
        <source>Click the section to curve, then the first row's left end, a point on the curve, and its right end</source>
        <translation>Den Bereich anklicken, dann das linke Ende der ersten Reihe, einen Punkt auf dem Bogen und ihr rechtes Ende</translation>
    </message>
    <message>
        <source>Click where the first row begins (its left end)</source>
        <translation>Dort klicken, wo die erste Reihe beginnt (ihr linkes Ende)</translation>
    </message>
    <message>
        <source>Click a point the first row passes through</source>
        <translation>Einen Punkt anklicken, durch den die erste Reihe verläuft</translation>
    </message>
    <message>
        <source>Click where the first row ends (its right end)</source>
        <translation>Dort klicken, wo die erste Reihe endet (ihr rechtes Ende)</translation>
    </message>
    <message>
        <source>Curve rows</source>
        <translation>Reihen biegen</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::DesignerPage</name>
    <message>
        <source>Venue designer</source>
        <translation>Saalplan-Editor</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Tool settings</source>
        <translation>Werkzeugeinstellungen</translation>
    </message>
    <message>
        <source>Ro&amp;ws:</source>
        <translation>Rei&amp;hen:</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Reihen</translation>
    </message>
    <message>
        <source>Seats per r&amp;ow:</source>
        <translation>Plätze je R&amp;eihe:</translation>
    </message>
    <message>
        <source>Seats per row</source>
        <translation>Plätze je Reihe</translation>
    </message>
    <message>
        <source>Seat spacin&amp;g:</source>
        <translation>Platza&amp;bstand:</translation>
    </message>
    <message>
        <source>Seat spacing</source>
        <translation>Platzabstand</translation>
    </message>
    <message>
        <source>Row spaci&amp;ng:</source>
        <translation>Reihenabsta&amp;nd:</translation>
    </message>
    <message>
        <source>Row spacing</source>
        <translation>Reihenabstand</translation>
    </message>
    <message>
        <source>Standing p&amp;laces:</source>
        <translation>Steh&amp;plätze:</translation>
    </message>
    <message>
        <source>Standing places</source>
        <translation>Stehplätze</translation>
    </message>
    <message>
        <source>Cur&amp;ve radius:</source>
        <translation>Bogen&amp;radius:</translation>
    </message>
    <message>
        <source>Curve radius</source>
        <translation>Bogenradius</translation>
    </message>
    <message>
        <source>By &amp;three points</source>
        <translation>Durch &amp;drei Punkte</translation>
    </message>
    <message>
        <source>Curve by three points</source>
        <translation>Bogen durch drei Punkte</translation>
    </message>
    <message>
        <source>S&amp;nap to grid</source>
        <translation>Am &amp;Raster ausrichten</translation>
    </message>
    <message>
        <source>Snap to grid</source>
        <translation>Am Raster ausrichten</translation>
    </message>
    <message>
        <source>Gr&amp;id:</source>
        <translation>Ras&amp;ter:</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Venue &amp;name:</source>
        <translation>&amp;Name des Veranstaltungsorts:</translation>
    </message>
    <message>
        <source>Venue name</source>
        <translation>Name des Veranstaltungsorts</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Cit&amp;y:</source>
        <translation>&amp;Stadt:</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Stadt</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>two letters, e.g. GB</source>
        <translation>zwei Buchstaben, z. B. DE</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Breite:</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>Län&amp;ge:</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Veranstaltungsort</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Seats</source>
        <translation>&amp;Plätze</translation>
    </message>
    <message>
        <source>Row &amp;labels</source>
        <translation>Reihen&amp;bezeichnungen</translation>
    </message>
    <message>
        <source>A, B, C… from the &amp;front</source>
        <translation>A, B, C … von &amp;vorn</translation>
    </message>
    <message>
        <source>A, B, C… from the &amp;back</source>
        <translation>A, B, C … von &amp;hinten</translation>
    </message>
    <message>
        <source>1, 2, 3… from the f&amp;ront</source>
        <translation>1, 2, 3 … von v&amp;orn</translation>
    </message>
    <message>
        <source>1, 2, 3… from the b&amp;ack</source>
        <translation>1, 2, 3 … von h&amp;inten</translation>
    </message>
    <message>
        <source>Seat &amp;numbers</source>
        <translation>Platz&amp;nummern</translation>
    </message>
    <message>
        <source>&amp;Left to right</source>
        <translation>Von &amp;links nach rechts</translation>
    </message>
    <message>
        <source>&amp;Right to left</source>
        <translation>Von &amp;rechts nach links</translation>
    </message>
    <message>
        <source>&amp;Odd and even from the middle</source>
        <translation>&amp;Ungerade und gerade von der Mitte</translation>
    </message>
    <message>
        <source>Mark &amp;accessible</source>
        <translation>Als &amp;barrierefrei markieren</translation>
    </message>
    <message>
        <source>&amp;Unmark accessible</source>
        <translation>Barrierefrei-Markierung &amp;aufheben</translation>
    </message>
    <message>
        <source>&amp;Outline sections</source>
        <translation>Bereiche &amp;umranden</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <source>Align &amp;left</source>
        <translation>&amp;Links ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;right</source>
        <translation>&amp;Rechts ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;top</source>
        <translation>&amp;Oben ausrichten</translation>
    </message>
    <message>
        <source>Align &amp;bottom</source>
        <translation>&amp;Unten ausrichten</translation>
    </message>
    <message>
        <source>Centre &amp;horizontally</source>
        <translation>&amp;Horizontal zentrieren</translation>
    </message>
    <message>
        <source>Centre &amp;vertically</source>
        <translation>&amp;Vertikal zentrieren</translation>
    </message>
    <message>
        <source>Distribute &amp;across</source>
        <translation>&amp;Waagerecht verteilen</translation>
    </message>
    <message>
        <source>Distribute &amp;down</source>
        <translation>&amp;Senkrecht verteilen</translation>
    </message>
    <message>
        <source>Turn 15° clock&amp;wise</source>
        <translation>15° im Uhrzeigersinn dre&amp;hen</translation>
    </message>
    <message>
        <source>Turn 15° &amp;anticlockwise</source>
        <translation>15° gegen den Uhrzeigersinn &amp;drehen</translation>
    </message>
    <message>
        <source>Turn 90° clockw&amp;ise</source>
        <translation>90° im Uhrzeigersinn dreh&amp;en</translation>
    </message>
    <message>
        <source>Turn 90° anticlockwis&amp;e</source>
        <translation>90° gegen den Uhrzeigersinn drehe&amp;n</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit the venue</source>
        <translation>Ganzen &amp;Saal zeigen</translation>
    </message>
    <message>
        <source>Show the &amp;selection</source>
        <translation>&amp;Auswahl zeigen</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>its name</source>
        <translation>seinen Namen</translation>
    </message>
    <message>
        <source>its address</source>
        <translation>seine Adresse</translation>
    </message>
    <message>
        <source>its city</source>
        <translation>seine Stadt</translation>
    </message>
    <message>
        <source>its country (two letters)</source>
        <translation>sein Land (zwei Buchstaben)</translation>
    </message>
    <message>
        <source>its time zone</source>
        <translation>seine Zeitzone</translation>
    </message>
    <message>
        <source>The venue needs %1 (the Venue panel).</source>
        <translation>Der Veranstaltungsort braucht %1 (Feld „Veranstaltungsort“).</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Generate a stadium</source>
        <translation>Stadion erzeugen</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>A &amp;seated section</source>
        <translation>Einen &amp;Sitzbereich</translation>
    </message>
    <message>
        <source>A s&amp;tanding area</source>
        <translation>Einen S&amp;tehbereich</translation>
    </message>
    <message>
        <source>The s&amp;tage</source>
        <translation>Die &amp;Bühne</translation>
    </message>
    <message>
        <source>%1   %2</source>
        <comment>a tool in the palette: its name, its key</comment>
        <translation>%1   %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>a tool's tooltip: its name, its key, what it does</comment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>Europe/London</source>
        <extracomment>An example of an IANA time zone name, as typed in the field.</extracomment>
        <translation>Europe/Berlin</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::DesignerView</name>
    <message>
        <source>Seat map</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <source>The venue being designed. Tools: S select, R seated section, C curved rows, A standing area, T stage, W accessible seats.</source>
        <translation>Der Saalplan in Bearbeitung. Werkzeuge: S Auswahl, R Sitzbereich, C gebogene Reihen, A Stehbereich, T Bühne, W barrierefreie Plätze.</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::DevicesPage</name>
    <message>
        <source>&lt;h2&gt;Gate scanners&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Einlassscanner&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>&amp;Remove the scanner…</source>
        <translation>Scanner &amp;entfernen …</translation>
    </message>
    <message>
        <source>Remove the scanner</source>
        <translation>Scanner entfernen</translation>
    </message>
    <message>
        <source>Remove the chosen scanner: its key stops working at once</source>
        <translation>Den gewählten Scanner entfernen: Sein Schlüssel gilt sofort nicht mehr</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Reload the scanners</source>
        <translation>Scanner neu laden</translation>
    </message>
    <message>
        <source>Reload the list</source>
        <translation>Die Liste neu laden</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Add a scanner&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Scanner hinzufügen&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Scanner name</source>
        <translation>Name des Scanners</translation>
    </message>
    <message>
        <source>Scanner 3</source>
        <translation>Scanner 3</translation>
    </message>
    <message>
        <source>North</source>
        <translation>Nord</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Gate:</source>
        <translation>&amp;Eingang:</translation>
    </message>
    <message>
        <source>&amp;Add the scanner</source>
        <translation>Scanner &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add the scanner</source>
        <translation>Scanner hinzufügen</translation>
    </message>
    <message>
        <source>Add it and show its enrollment code</source>
        <translation>Hinzufügen und seinen Registrierungscode zeigen</translation>
    </message>
    <message>
        <source>Enrollment QR code</source>
        <translation>Registrierungs-QR-Code</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Registrierungscode</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Waiting for its code</source>
        <translation>Wartet auf seinen Code</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Name the scanner and its gate first.</source>
        <translation>Zuerst den Scanner und seinen Eingang benennen.</translation>
    </message>
    <message>
        <source>A QR code for %1 at gate %2: the scanner reads it to enroll.</source>
        <translation>Ein QR-Code für %1 am Eingang %2: Der Scanner liest ihn, um sich zu registrieren.</translation>
    </message>
    <message>
        <source>Scan this with %1 at gate %2, or type the code %3 with the server %4. It works once, until %5.</source>
        <translation>Mit %1 am Eingang %2 scannen oder den Code %3 mit dem Server %4 eingeben. Er gilt einmal, bis %5.</translation>
    </message>
    <message>
        <source>%1 added: show it the code.</source>
        <translation>%1 hinzugefügt: Zeigen Sie ihm den Code.</translation>
    </message>
    <message>
        <source>Choose a scanner in the list first.</source>
        <translation>Zuerst einen Scanner in der Liste wählen.</translation>
    </message>
    <message>
        <source>%1 removed: it can no longer scan.</source>
        <translation>%1 entfernt: Er kann nicht mehr scannen.</translation>
    </message>
    <message>
        <source>Remove %1 at gate %2? It stops working at once; scans it has not sent yet are lost unless it is enrolled again.</source>
        <translation>%1 am Eingang %2 entfernen? Er hört sofort auf zu arbeiten; noch nicht gesendete Scans gehen verloren, wenn er nicht erneut registriert wird.</translation>
    </message>
</context>
<context>
    <name>EnrollScreen</name>
    <message>
        <source>No camera found: type the code the organizer shows.</source>
        <translation>Keine Kamera gefunden: Code eingeben, den der Veranstalter zeigt.</translation>
    </message>
    <message>
        <source>Enroll this scanner</source>
        <translation>Diesen Scanner registrieren</translation>
    </message>
    <message>
        <source>Hold the organizer's enrollment QR code up to the camera, or type the server's address and the 12-character code. This is done once.</source>
        <translation>Den Registrierungs-QR-Code des Veranstalters vor die Kamera halten oder die Adresse des Servers und den 12-stelligen Code eingeben. Das geschieht nur einmal.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Registrierungscode</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Registrieren</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>https://tickets.example.org</source>
        <extracomment>An example of a server address.</extracomment>
        <translation>https://tickets.example.org</translation>
    </message>
    <message>
        <source>ABCD-EFGH-JKMN</source>
        <extracomment>How an enrollment code looks (12 letters and digits in groups of four).</extracomment>
        <translation>ABCD-EFGH-JKMN</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::EventDashboard</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Live seat map</source>
        <translation>Live-Saalplan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>why: house seats, camera, sponsor…</source>
        <translation>warum: Hausplätze, Kamera, Sponsor …</translation>
    </message>
    <message>
        <source>&amp;Block the seats</source>
        <translation>Plätze &amp;sperren</translation>
    </message>
    <message>
        <source>Block the seats</source>
        <translation>Plätze sperren</translation>
    </message>
    <message>
        <source>Hold the selected seats back from sale (Ctrl+B)</source>
        <translation>Die gewählten Plätze vom Verkauf zurückhalten (Strg+B)</translation>
    </message>
    <message>
        <source>&amp;Release the seats</source>
        <translation>Plätze &amp;freigeben</translation>
    </message>
    <message>
        <source>Release the seats</source>
        <translation>Plätze freigeben</translation>
    </message>
    <message>
        <source>Put the selected blocked seats back on sale (Ctrl+Shift+B)</source>
        <translation>Die gewählten gesperrten Plätze wieder verkaufen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Reaso&amp;n:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>Brutto</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Sales by</source>
        <translation>Verkäufe je</translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>Sales &amp;by:</source>
        <translation>Verkäufe &amp;je:</translation>
    </message>
    <message>
        <source>Sales over time</source>
        <translation>Verkäufe im Zeitverlauf</translation>
    </message>
    <message>
        <source>Online and box office</source>
        <translation>Online und Kasse</translation>
    </message>
    <message>
        <source>By payment method</source>
        <translation>Nach Zahlungsart</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Dashboard message</source>
        <translation>Meldung der Übersicht</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3</source>
        <translation>&lt;h2&gt;%1&lt;/h2&gt;%2 · %3</translation>
    </message>
    <message>
        <source>Loading the seat map…</source>
        <translation>Der Saalplan wird geladen …</translation>
    </message>
    <message>
        <source>The event is not on sale: its seats are live once it is published.</source>
        <translation>Die Veranstaltung ist nicht im Verkauf: Ihre Plätze sind live, sobald sie veröffentlicht ist.</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Sold %1 of %2 · held %3 · blocked %4 · available %5 · gross %6 · refunds %7 · net %8</source>
        <translation>Verkauft %1 von %2 · reserviert %3 · gesperrt %4 · frei %5 · brutto %6 · Erstattungen %7 · netto %8</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>Verkäufe (%1)</translation>
    </message>
    <message>
        <source>no sales yet</source>
        <translation>noch keine Verkäufe</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message>
        <source>box office</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Gross %1, refunds %2, net sales %3; the platform's fee of %4 % is %5; the payout of %6 is %7 on %8.</source>
        <translation>Brutto %1, Erstattungen %2, Nettoumsatz %3; die Plattformgebühr von %4 % beträgt %5; die Auszahlung von %6 ist %7 am %8.</translation>
    </message>
    <message>
        <source>due</source>
        <translation>fällig</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Select available seats on the map first.</source>
        <translation>Wählen Sie zuerst freie Plätze im Plan.</translation>
    </message>
    <message>
        <source>Say why the seats are held back (the reason), then block them.</source>
        <translation>Geben Sie an, warum die Plätze zurückgehalten werden (Grund), und sperren Sie sie dann.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) blocked.</source>
        <translation><numerusform>%n Platz gesperrt.</numerusform><numerusform>%n Plätze gesperrt.</numerusform></translation>
    </message>
    <message>
        <source>Select blocked seats on the map first.</source>
        <translation>Wählen Sie zuerst gesperrte Plätze im Plan.</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) back on sale.</source>
        <translation><numerusform>%n Platz wieder im Verkauf.</numerusform><numerusform>%n Plätze wieder im Verkauf.</numerusform></translation>
    </message>
    <message>
        <source>The report is in %1.</source>
        <translation>Der Bericht liegt in %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>At the gate: %1 let in, %2 inside now</source>
        <translation>Am Einlass: %1 eingelassen, %2 jetzt drinnen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a share of the pie: its name, its amount</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::EventEditor</name>
    <message>
        <source>Venue</source>
        <translation>Veranstaltungsort</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Veranstaltungsort:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>music</source>
        <translation>Musik</translation>
    </message>
    <message>
        <source>theatre</source>
        <translation>Theater</translation>
    </message>
    <message>
        <source>comedy</source>
        <translation>Comedy</translation>
    </message>
    <message>
        <source>sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>talk</source>
        <translation>Vortrag</translation>
    </message>
    <message>
        <source>&amp;Genre:</source>
        <translation>&amp;Genre:</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Beginn:</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Ende:</translation>
    </message>
    <message>
        <source>On sale from &amp;publication</source>
        <translation>Im Verkauf ab &amp;Veröffentlichung</translation>
    </message>
    <message>
        <source>On sale from publication</source>
        <translation>Im Verkauf ab Veröffentlichung</translation>
    </message>
    <message>
        <source>Sale starts</source>
        <translation>Verkaufsbeginn</translation>
    </message>
    <message>
        <source>Sale st&amp;arts:</source>
        <translation>Verkaufs&amp;beginn:</translation>
    </message>
    <message>
        <source>On sale &amp;until it starts</source>
        <translation>Im Verkauf &amp;bis zum Beginn</translation>
    </message>
    <message>
        <source>On sale until it starts</source>
        <translation>Im Verkauf bis zum Beginn</translation>
    </message>
    <message>
        <source>Sale ends</source>
        <translation>Verkaufsende</translation>
    </message>
    <message>
        <source>Sale e&amp;nds:</source>
        <translation>Verkaufs&amp;ende:</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tiers&lt;/b&gt;: a price for seated sections (their keys, separated by commas), or for places of one standing section.</source>
        <translation>&lt;b&gt;Kategorien&lt;/b&gt;: ein Preis für Sitzbereiche (ihre Kürzel, durch Kommas getrennt) oder für Plätze eines Stehbereichs.</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Standing places</source>
        <translation>Stehplätze</translation>
    </message>
    <message>
        <source>&amp;Add a tier</source>
        <translation>Kategorie &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>Kategorie hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove the tier</source>
        <translation>Kategorie &amp;entfernen</translation>
    </message>
    <message>
        <source>Remove the tier</source>
        <translation>Kategorie entfernen</translation>
    </message>
    <message>
        <source>One tier &amp;per section</source>
        <translation>Eine Kategorie &amp;je Bereich</translation>
    </message>
    <message>
        <source>One tier per section</source>
        <translation>Eine Kategorie je Bereich</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>Kategorie %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refunds&lt;/b&gt;: a cancellation more than the hours before the start gets the percentage back (the rule with the most hours that applies).</source>
        <translation>&lt;b&gt;Erstattungen&lt;/b&gt;: Eine Stornierung mehr als die Stunden vor Beginn erhält den Prozentsatz zurück (es gilt die zutreffende Regel mit den meisten Stunden).</translation>
    </message>
    <message>
        <source>Refund rules</source>
        <translation>Erstattungsregeln</translation>
    </message>
    <message>
        <source>Hours before the start</source>
        <translation>Stunden vor Beginn</translation>
    </message>
    <message>
        <source>Refund %</source>
        <translation>Erstattung %</translation>
    </message>
    <message>
        <source>Add a r&amp;ule</source>
        <translation>&amp;Regel hinzufügen</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove the ru&amp;le</source>
        <translation>Regel ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>S&amp;tandard policy</source>
        <translation>S&amp;tandardregeln</translation>
    </message>
    <message>
        <source>Standard policy</source>
        <translation>Standardregeln</translation>
    </message>
    <message>
        <source>Event problems</source>
        <translation>Probleme der Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Save the event</source>
        <translation>Veranstaltung &amp;speichern</translation>
    </message>
    <message>
        <source>Save the event</source>
        <translation>Veranstaltung speichern</translation>
    </message>
    <message>
        <source>Save the event (Ctrl+Return)</source>
        <translation>Veranstaltung speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Bac&amp;k to the events</source>
        <translation>&amp;Zurück zu den Veranstaltungen</translation>
    </message>
    <message>
        <source>Back to the events</source>
        <translation>Zurück zu den Veranstaltungen</translation>
    </message>
    <message>
        <source>Times are the venue's (%1).</source>
        <translation>Zeiten sind die des Veranstaltungsorts (%1).</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Edit: %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Bearbeiten: %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;New event&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Neue Veranstaltung&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Choose a venue (save one in the designer first).</source>
        <translation>Wählen Sie einen Veranstaltungsort (speichern Sie zuerst einen im Editor).</translation>
    </message>
    <message>
        <source>Refund rule %1: hours and percentage are whole numbers.</source>
        <translation>Erstattungsregel %1: Stunden und Prozentsatz sind ganze Zahlen.</translation>
    </message>
    <message>
        <source>Price of new tiers</source>
        <translation>Preis neuer Kategorien</translation>
    </message>
    <message>
        <source>New tiers at pri&amp;ce:</source>
        <translation>Neue Kategorien zum &amp;Preis:</translation>
    </message>
    <message>
        <source>&amp;One tier for all seats</source>
        <translation>&amp;Eine Kategorie für alle Sitzplätze</translation>
    </message>
    <message>
        <source>One tier for all seats</source>
        <translation>Eine Kategorie für alle Sitzplätze</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Sitzplätze</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a venue: its name, its city</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a problem: its field, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EventScreen</name>
    <message>
        <source>Choose the event</source>
        <translation>Veranstaltung wählen</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>%1 at gate %2</source>
        <translation>%1 am Eingang %2</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>No published event of this organizer yet.</source>
        <translation>Dieser Veranstalter hat noch keine veröffentlichte Veranstaltung.</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>on sale</source>
        <translation>im Verkauf</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgesagt</translation>
    </message>
    <message>
        <source>over</source>
        <translation>vorbei</translation>
    </message>
</context>
<context>
    <name>ticketing::client::EventsModel</name>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>ticketing::gate::Gate</name>
    <message>
        <source>This scan could not be saved (%1). Nobody was let in: scan again.</source>
        <translation>Dieser Scan konnte nicht gespeichert werden (%1). Niemand wurde eingelassen: bitte erneut scannen.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine rechtzeitige Antwort</translation>
    </message>
    <message>
        <source>This scanner has not loaded the ticket list yet, and the server does not answer. Nobody was let in: scan again in a moment.</source>
        <translation>Dieser Scanner hat die Ticketliste noch nicht geladen, und der Server antwortet nicht. Niemand wurde eingelassen: gleich erneut scannen.</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::GenerateDialog</name>
    <message>
        <source>Generate a stadium</source>
        <translation>Stadion erzeugen</translation>
    </message>
    <message>
        <source>Blocks of seats in a ring around the pitch. The map it makes replaces the one in the designer (Undo brings it back).</source>
        <translation>Sitzblöcke im Ring um das Spielfeld. Der erzeugte Plan ersetzt den im Editor (Rückgängig holt ihn zurück).</translation>
    </message>
    <message>
        <source>&amp;Blocks:</source>
        <translation>&amp;Blöcke:</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>&amp;Rows per block:</source>
        <translation>&amp;Reihen je Block:</translation>
    </message>
    <message>
        <source>Rows per block</source>
        <translation>Reihen je Block</translation>
    </message>
    <message>
        <source>&amp;Inner radius:</source>
        <translation>&amp;Innenradius:</translation>
    </message>
    <message>
        <source>Inner radius</source>
        <translation>Innenradius</translation>
    </message>
    <message>
        <source>&amp;Seat spacing:</source>
        <translation>&amp;Platzabstand:</translation>
    </message>
    <message>
        <source>Seat spacing</source>
        <translation>Platzabstand</translation>
    </message>
    <message>
        <source>R&amp;ow spacing:</source>
        <translation>Reihen&amp;abstand:</translation>
    </message>
    <message>
        <source>Row spacing</source>
        <translation>Reihenabstand</translation>
    </message>
    <message>
        <source>&amp;Gap between blocks (degrees):</source>
        <translation>&amp;Lücke zwischen Blöcken (Grad):</translation>
    </message>
    <message>
        <source>Gap between blocks</source>
        <translation>Lücke zwischen Blöcken</translation>
    </message>
    <message>
        <source>Standing &amp;floor (places, 0 for none):</source>
        <translation>Steh&amp;fläche (Plätze, 0 für keine):</translation>
    </message>
    <message>
        <source>Standing floor</source>
        <translation>Stehfläche</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 seats, %2 places in all</source>
        <translation>%1 Sitzplätze, insgesamt %2 Plätze</translation>
    </message>
    <message>
        <source>Too large: %1</source>
        <translation>Zu groß: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Gate scanner</source>
        <translation>Einlassscanner</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::MiniMap</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>The whole venue; click or use the arrow keys to move the view</source>
        <translation>Der ganze Saal; Klicken oder Pfeiltasten verschieben die Ansicht</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::OrganizerWindow</name>
    <message>
        <source>Organizer</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Anmeldemeldung</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your venues&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ihre Veranstaltungsorte&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>Veranstaltungsorte</translation>
    </message>
    <message>
        <source>&amp;Open in the designer</source>
        <translation>Im Editor ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open in the designer</source>
        <translation>Im Editor öffnen</translation>
    </message>
    <message>
        <source>Open the chosen venue (Enter)</source>
        <translation>Den gewählten Veranstaltungsort öffnen (Eingabe)</translation>
    </message>
    <message>
        <source>&amp;New venue</source>
        <translation>&amp;Neuer Veranstaltungsort</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>Neuer Veranstaltungsort</translation>
    </message>
    <message>
        <source>Draw a new venue (Ctrl+N)</source>
        <translation>Einen neuen Veranstaltungsort zeichnen (Strg+N)</translation>
    </message>
    <message>
        <source>Venues message</source>
        <translation>Meldung zu Veranstaltungsorten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Venues…</source>
        <translation>&amp;Veranstaltungsorte …</translation>
    </message>
    <message>
        <source>&amp;Save the venue</source>
        <translation>Veranstaltungsort &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Import a seat map…</source>
        <translation>Saalplan &amp;importieren …</translation>
    </message>
    <message>
        <source>Import a seat map</source>
        <translation>Saalplan importieren</translation>
    </message>
    <message>
        <source>Seat maps (*.json)</source>
        <translation>Saalpläne (*.json)</translation>
    </message>
    <message>
        <source>&amp;Export the seat map…</source>
        <translation>Saalplan &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export the seat map</source>
        <translation>Saalplan exportieren</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>The language changes the next time the app starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start der App.</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung …</translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>Die Sitzung ist abgelaufen; bitte erneut anmelden.</translation>
    </message>
    <message>
        <source>This account is not an organizer's account.</source>
        <translation>Dieses Konto ist kein Veranstalterkonto.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The venue has changes that are not saved. Discard them?</source>
        <translation>Der Veranstaltungsort hat ungespeicherte Änderungen. Verwerfen?</translation>
    </message>
    <message>
        <source>Loading your venues…</source>
        <translation>Ihre Veranstaltungsorte werden geladen …</translation>
    </message>
    <message>
        <source>No venues yet: draw one with New venue.</source>
        <translation>Noch keine Veranstaltungsorte: Zeichnen Sie einen mit „Neuer Veranstaltungsort“.</translation>
    </message>
    <message>
        <source>Choose a venue first.</source>
        <translation>Wählen Sie zuerst einen Veranstaltungsort.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 ist kein JSON: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exported the seat map to %1.</source>
        <translation>Saalplan nach %1 exportiert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n place(s)</source>
        <translation><numerusform>%1 · %2 · %n Platz</numerusform><numerusform>%1 · %2 · %n Plätze</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The seat map has %n problem(s); the Problems panel lists them.</source>
        <translation><numerusform>Der Saalplan hat %n Problem; die Liste „Probleme“ zeigt es.</numerusform><numerusform>Der Saalplan hat %n Probleme; die Liste „Probleme“ zeigt sie.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved: %n place(s).</source>
        <translation><numerusform>Gespeichert: %n Platz.</numerusform><numerusform>Gespeichert: %n Plätze.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 is not a seat map: %2 %3 (and %n more problem(s))</source>
        <translation><numerusform>%1 ist kein Saalplan: %2 %3 (und %n weiteres Problem)</numerusform><numerusform>%1 ist kein Saalplan: %2 %3 (und %n weitere Probleme)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n place(s).</source>
        <translation><numerusform>%n Platz importiert.</numerusform><numerusform>%n Plätze importiert.</numerusform></translation>
    </message>
    <message>
        <source>&amp;Generate a stadium…</source>
        <translation>Stadion &amp;erzeugen …</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n place(s).</source>
        <translation><numerusform>%n Platz erzeugt.</numerusform><numerusform>%n Plätze erzeugt.</numerusform></translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>Veranstal&amp;tung</translation>
    </message>
    <message>
        <source>&amp;Events…</source>
        <translation>&amp;Veranstaltungen …</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Neue Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Edit the event</source>
        <translation>Veranstaltung &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>&amp;Veröffentlichen …</translation>
    </message>
    <message>
        <source>&amp;Cancel the event…</source>
        <translation>Veranstaltung &amp;absagen …</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>E&amp;xport the report as CSV…</source>
        <translation>Bericht als CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Open an event's dashboard first (F8).</source>
        <translation>Öffnen Sie zuerst die Übersicht einer Veranstaltung (F8).</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>P&amp;rint the report…</source>
        <translation>Bericht &amp;drucken …</translation>
    </message>
    <message>
        <source>Save the report as P&amp;DF…</source>
        <translation>Bericht als P&amp;DF speichern …</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your events&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ihre Veranstaltungen&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>A new event on one of your venues (Ctrl+Shift+N)</source>
        <translation>Eine neue Veranstaltung an einem Ihrer Veranstaltungsorte (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Edit the event</source>
        <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
        <source>Edit the chosen event (F2)</source>
        <translation>Die gewählte Veranstaltung bearbeiten (F2)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Put the chosen event on sale (Ctrl+Shift+P)</source>
        <translation>Die gewählte Veranstaltung in den Verkauf bringen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Cancel the event</source>
        <translation>Veranstaltung absagen</translation>
    </message>
    <message>
        <source>Cancel the chosen event and refund its bookings (Ctrl+Shift+Del)</source>
        <translation>Die gewählte Veranstaltung absagen und ihre Buchungen erstatten (Strg+Umschalt+Entf)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Watch the chosen event sell (F8)</source>
        <translation>Den Verkauf der gewählten Veranstaltung verfolgen (F8)</translation>
    </message>
    <message>
        <source>&amp;Venues</source>
        <translation>&amp;Veranstaltungsorte</translation>
    </message>
    <message>
        <source>Your venues and the designer (Ctrl+O)</source>
        <translation>Ihre Veranstaltungsorte und der Editor (Strg+O)</translation>
    </message>
    <message>
        <source>Events message</source>
        <translation>Meldung zu Veranstaltungen</translation>
    </message>
    <message>
        <source>Loading your events…</source>
        <translation>Ihre Veranstaltungen werden geladen …</translation>
    </message>
    <message>
        <source>No events yet: make one with New event (a venue first).</source>
        <translation>Noch keine Veranstaltungen: Legen Sie eine mit „Neue Veranstaltung“ an (zuerst einen Veranstaltungsort).</translation>
    </message>
    <message>
        <source>Draw and save a venue first (File &gt; New venue).</source>
        <translation>Zeichnen und speichern Sie zuerst einen Veranstaltungsort (Datei &gt; Neuer Veranstaltungsort).</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Wählen Sie zuerst eine Veranstaltung.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>%1 goes on sale:</source>
        <translation>%1 kommt in den Verkauf:</translation>
    </message>
    <message numerus="yes">
        <source>• %1: %n place(s) at %2</source>
        <translation><numerusform>• %1: %n Platz zu %2</numerusform><numerusform>• %1: %n Plätze zu %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) in all.</source>
        <translation><numerusform>%n Platz insgesamt.</numerusform><numerusform>%n Plätze insgesamt.</numerusform></translation>
    </message>
    <message>
        <source>Sale from %1</source>
        <translation>Verkauf ab %1</translation>
    </message>
    <message>
        <source>Sale from now</source>
        <translation>Verkauf ab sofort</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>until it starts</source>
        <translation>bis zum Beginn</translation>
    </message>
    <message>
        <source>Once published, only its title, description and genre can change.</source>
        <translation>Nach der Veröffentlichung können sich nur Titel, Beschreibung und Genre ändern.</translation>
    </message>
    <message>
        <source>Only a draft can be published.</source>
        <translation>Nur ein Entwurf kann veröffentlicht werden.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>%1 is on sale.</source>
        <translation>%1 ist im Verkauf.</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %1? %n booking(s) will be refunded in full.</source>
        <translation><numerusform>%1 absagen? %n Buchung wird vollständig erstattet.</numerusform><numerusform>%1 absagen? %n Buchungen werden vollständig erstattet.</numerusform></translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>Nicht abgesagt: %1</translation>
    </message>
    <message>
        <source>%1 is cancelled.</source>
        <translation>%1 ist abgesagt.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>%1 report</source>
        <translation>Bericht %1</translation>
    </message>
    <message>
        <source>Sign in to organize</source>
        <translation>Anmeldung für Veranstalter</translation>
    </message>
    <message>
        <source>%1%2 — %3</source>
        <comment>the window's title: the venue, * when unsaved, the app</comment>
        <translation>%1%2 — %3</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>an event: title, start, status</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a problem: its field, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Gates</source>
        <translation>Ein&amp;gänge</translation>
    </message>
    <message>
        <source>&amp;Scanners…</source>
        <translation>&amp;Scanner …</translation>
    </message>
    <message>
        <source>Pro&amp;mo codes…</source>
        <translation>Ra&amp;battcodes …</translation>
    </message>
    <message>
        <source>Pro&amp;mo codes</source>
        <translation>Ra&amp;battcodes</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Rabattcodes</translation>
    </message>
    <message>
        <source>The chosen event's promo codes and their uses (F6)</source>
        <translation>Die Rabattcodes der gewählten Veranstaltung und ihre Nutzung (F6)</translation>
    </message>
</context>
<context>
    <name>PrintTarget</name>
    <message>
        <source>PDF files in %1</source>
        <translation>PDF-Dateien in %1</translation>
    </message>
    <message>
        <source>The printer %1 is not available.</source>
        <translation>Der Drucker %1 ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Could not start printing on %1.</source>
        <translation>Der Druck auf %1 konnte nicht beginnen.</translation>
    </message>
    <message>
        <source>Printing on %1 failed.</source>
        <translation>Der Druck auf %1 ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card at the counter</source>
        <translation>Karte an der Kasse</translation>
    </message>
    <message>
        <source>Card online</source>
        <translation>Karte online</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stehplatz</translation>
    </message>
    <message>
        <source>Tier: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Booking %1 · Ticket %2</source>
        <translation>Buchung %1 · Ticket %2</translation>
    </message>
    <message>
        <source>Show this code at the gate. One entry per ticket.</source>
        <translation>Diesen Code am Einlass vorzeigen. Ein Einlass pro Ticket.</translation>
    </message>
    <message>
        <source>Receipt (copy)</source>
        <translation>Beleg (Kopie)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Standing, %1</source>
        <translation>Stehplatz, %1</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Bezahlt mit</translation>
    </message>
    <message>
        <source>Tendered</source>
        <translation>Gegeben</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Booking(s): %1</source>
        <translation>Buchung(en): %1</translation>
    </message>
    <message>
        <source>Served by %1, %2</source>
        <translation>Bedient von %1, %2</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>Schichtbericht</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Mitarbeiter: %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>Geöffnet: %1</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Geschlossen: %1</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <source>Shift %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message numerus="yes">
        <source>Sales (%n payment(s))</source>
        <translation><numerusform>Verkäufe (%n Zahlung)</numerusform><numerusform>Verkäufe (%n Zahlungen)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Refunds (%n)</source>
        <translation><numerusform>Erstattungen (%n)</numerusform><numerusform>Erstattungen (%n)</numerusform></translation>
    </message>
    <message>
        <source>The drawer</source>
        <translation>Die Kasse</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Wechselgeld zu Beginn</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Erwartetes Bargeld</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlbetrag</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Discount: %1</source>
        <translation>Rabatt: %1</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>No problems: the venue can be saved.</source>
        <translation>Keine Probleme: Der Veranstaltungsort kann gespeichert werden.</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation><numerusform>%n Problem</numerusform><numerusform>%n Probleme</numerusform></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a problem: its path, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::PromoCodesPage</name>
    <message>
        <source>Promo codes of the event</source>
        <translation>Rabattcodes der Veranstaltung</translation>
    </message>
    <message>
        <source>Promo codes</source>
        <translation>Rabattcodes</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Genutzt</translation>
    </message>
    <message>
        <source>Per buyer</source>
        <translation>Je Käufer</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mindestens</translation>
    </message>
    <message>
        <source>A use counts from the hold that takes the code, and comes back when the hold ends or the booking is cancelled.</source>
        <translation>Eine Nutzung zählt ab der Reservierung mit dem Code und wird zurückgegeben, wenn die Reservierung endet oder die Buchung storniert wird.</translation>
    </message>
    <message>
        <source>&amp;Remove the code…</source>
        <translation>Code &amp;entfernen …</translation>
    </message>
    <message>
        <source>Remove the code</source>
        <translation>Code entfernen</translation>
    </message>
    <message>
        <source>Delete the chosen code: it can no longer be used; bookings keep their discount</source>
        <translation>Den gewählten Code löschen: Er ist nicht mehr nutzbar; Buchungen behalten ihren Rabatt</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Reload the promo codes</source>
        <translation>Rabattcodes neu laden</translation>
    </message>
    <message>
        <source>Reload the list and its uses</source>
        <translation>Die Liste und ihre Nutzung neu laden</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Add a promo code&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Rabattcode hinzufügen&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>SUMMER25</source>
        <translation>SOMMER25</translation>
    </message>
    <message>
        <source>3 to 32 letters, digits, - or _; buyers may type it in any case</source>
        <translation>3 bis 32 Buchstaben, Ziffern, - oder _; Groß- und Kleinschreibung egal</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Kind of discount</source>
        <translation>Art des Rabatts</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Prozent Rabatt</translation>
    </message>
    <message>
        <source>Amount off</source>
        <translation>Betrag Rabatt</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Percent off:</source>
        <translation>&amp;Prozent Rabatt:</translation>
    </message>
    <message>
        <source>5.00</source>
        <translation>5,00</translation>
    </message>
    <message>
        <source>Off the tickets it applies to in one booking, in the event's currency; never more than they cost</source>
        <translation>Abzug von den Tickets, für die er gilt, je Buchung, in der Währung der Veranstaltung; nie mehr, als sie kosten</translation>
    </message>
    <message>
        <source>&amp;Amount off:</source>
        <translation>&amp;Betrag Rabatt:</translation>
    </message>
    <message>
        <source>Uses in all</source>
        <translation>Nutzungen insgesamt</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Us&amp;es in all:</source>
        <translation>&amp;Nutzungen insgesamt:</translation>
    </message>
    <message>
        <source>Uses per buyer</source>
        <translation>Nutzungen je Käufer</translation>
    </message>
    <message>
        <source>Counted by the buyer's account online, by the customer's e-mail at the box office</source>
        <translation>Online nach dem Konto des Käufers gezählt, an der Kasse nach der E-Mail des Kunden</translation>
    </message>
    <message>
        <source>Per &amp;buyer:</source>
        <translation>Je &amp;Käufer:</translation>
    </message>
    <message>
        <source>Valid fr&amp;om:</source>
        <translation>Gültig a&amp;b:</translation>
    </message>
    <message>
        <source>Valid from a date</source>
        <translation>Gültig ab einem Datum</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid u&amp;ntil:</source>
        <translation>Gültig b&amp;is:</translation>
    </message>
    <message>
        <source>Valid until a date</source>
        <translation>Gültig bis zu einem Datum</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>The tiers it is for (Space ticks one); none ticked: every tier</source>
        <translation>Die Kategorien, für die er gilt (Leertaste hakt an); keine angehakt: alle</translation>
    </message>
    <message>
        <source>&amp;Tiers:</source>
        <translation>&amp;Kategorien:</translation>
    </message>
    <message>
        <source>Minimum tickets</source>
        <translation>Mindestanzahl Tickets</translation>
    </message>
    <message>
        <source>Tickets of its tiers one booking needs for the code to apply</source>
        <translation>Tickets seiner Kategorien, die eine Buchung braucht, damit der Code gilt</translation>
    </message>
    <message>
        <source>&amp;Minimum tickets:</source>
        <translation>&amp;Mindestanzahl Tickets:</translation>
    </message>
    <message>
        <source>Add the co&amp;de</source>
        <translation>Code &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add the code</source>
        <translation>Code hinzufügen</translation>
    </message>
    <message>
        <source>Add the code to the event</source>
        <translation>Den Code der Veranstaltung hinzufügen</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Promo codes: %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Rabattcodes: %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Promo codes of %1</source>
        <translation>Rabattcodes von %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Ab %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Type the code first.</source>
        <translation>Zuerst den Code eingeben.</translation>
    </message>
    <message>
        <source>Say how much the code takes off.</source>
        <translation>Angeben, wie viel der Code abzieht.</translation>
    </message>
    <message>
        <source>%1 added: buyers can use it now.</source>
        <translation>%1 hinzugefügt: Käufer können ihn jetzt nutzen.</translation>
    </message>
    <message>
        <source>Choose a code in the list first.</source>
        <translation>Zuerst einen Code in der Liste wählen.</translation>
    </message>
    <message>
        <source>%1 removed: it can no longer be used.</source>
        <translation>%1 entfernt: Er kann nicht mehr genutzt werden.</translation>
    </message>
    <message>
        <source>Remove the promo code</source>
        <translation>Rabattcode entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1? Buyers can no longer use it; the %n booking(s) that used it keep their discount.</source>
        <translation><numerusform>%1 entfernen? Käufer können ihn nicht mehr nutzen; die %n Buchung, die ihn nutzte, behält ihren Rabatt.</numerusform><numerusform>%1 entfernen? Käufer können ihn nicht mehr nutzen; die %n Buchungen, die ihn nutzten, behalten ihren Rabatt.</numerusform></translation>
    </message>
</context>
<context>
    <name>ticketing::organizer::PropertiesPanel</name>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Section &amp;key:</source>
        <translation>Bereichs&amp;kürzel:</translation>
    </message>
    <message>
        <source>Section key</source>
        <translation>Bereichskürzel</translation>
    </message>
    <message>
        <source>Letters A-Z, digits and _; the first part of every seat's label</source>
        <translation>Buchstaben A–Z, Ziffern und _; der erste Teil jeder Platzbezeichnung</translation>
    </message>
    <message>
        <source>Section &amp;name:</source>
        <translation>Bereichs&amp;name:</translation>
    </message>
    <message>
        <source>Section name</source>
        <translation>Bereichsname</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>&amp;Places:</source>
        <translation>&amp;Plätze:</translation>
    </message>
    <message>
        <source>&amp;Row label:</source>
        <translation>&amp;Reihe:</translation>
    </message>
    <message>
        <source>Row label</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>Seat number</source>
        <translation>Platznummer</translation>
    </message>
    <message>
        <source>Seat n&amp;umber:</source>
        <translation>Platz&amp;nummer:</translation>
    </message>
    <message>
        <source>Acc&amp;essible (wheelchair space)</source>
        <translation>Barriere&amp;frei (Rollstuhlplatz)</translation>
    </message>
    <message>
        <source>Accessible</source>
        <translation>Barrierefrei</translation>
    </message>
    <message>
        <source>Nothing selected. Click a seat or a section, or drag around seats.</source>
        <translation>Nichts ausgewählt. Einen Platz oder Bereich anklicken oder einen Rahmen um Plätze ziehen.</translation>
    </message>
    <message>
        <source>the stage</source>
        <translation>die Bühne</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s)</source>
        <translation><numerusform>%n Platz</numerusform><numerusform>%n Plätze</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation><numerusform>%n Bereich</numerusform><numerusform>%n Bereiche</numerusform></translation>
    </message>
</context>
<context>
    <name>ticketing::boxoffice::SalePage</name>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Seat map</source>
        <translation>Saalplan</translation>
    </message>
    <message>
        <source>Click seats to hold them; arrows and Space with the keyboard</source>
        <translation>Plätze anklicken, um sie zu reservieren; mit der Tastatur Pfeile und Leertaste</translation>
    </message>
    <message>
        <source>Customer (optional, before choosing)</source>
        <translation>Kunde (optional, vor der Platzwahl)</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Name des Kunden</translation>
    </message>
    <message>
        <source>The name the booking is found by at will-call</source>
        <translation>Der Name, unter dem die Buchung bei der Abholung gefunden wird</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Customer e-mail</source>
        <translation>E-Mail des Kunden</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Number of places</source>
        <translation>Anzahl Plätze</translation>
    </message>
    <message>
        <source>&amp;Places:</source>
        <translation>&amp;Plätze:</translation>
    </message>
    <message>
        <source>&amp;Accessible seats only</source>
        <translation>Nur &amp;barrierefreie Plätze</translation>
    </message>
    <message>
        <source>Accessible seats only</source>
        <translation>Nur barrierefreie Plätze</translation>
    </message>
    <message>
        <source>Best available</source>
        <translation>Beste Plätze</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Hold time left</source>
        <translation>Verbleibende Reservierungszeit</translation>
    </message>
    <message>
        <source>Cash (F9)</source>
        <translation>Bar (F9)</translation>
    </message>
    <message>
        <source>Pay cash</source>
        <translation>Bar bezahlen</translation>
    </message>
    <message>
        <source>Take cash for the cart (F9)</source>
        <translation>Den Warenkorb bar kassieren (F9)</translation>
    </message>
    <message>
        <source>Card (F10)</source>
        <translation>Karte (F10)</translation>
    </message>
    <message>
        <source>Pay by card</source>
        <translation>Mit Karte bezahlen</translation>
    </message>
    <message>
        <source>Take the card at the counter's terminal (F10)</source>
        <translation>Die Karte am Terminal der Kasse annehmen (F10)</translation>
    </message>
    <message>
        <source>Amount tendered</source>
        <translation>Gegebener Betrag</translation>
    </message>
    <message>
        <source>What the customer hands over; Enter takes it</source>
        <translation>Was der Kunde gibt; Eingabe übernimmt es</translation>
    </message>
    <message>
        <source>Ten&amp;dered:</source>
        <translation>&amp;Gegeben:</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Rückgeld:</translation>
    </message>
    <message>
        <source>Take the cash (Enter)</source>
        <translation>Bargeld annehmen (Eingabe)</translation>
    </message>
    <message>
        <source>Take the cash</source>
        <translation>Bargeld annehmen</translation>
    </message>
    <message>
        <source>Record the cash payment and print (Enter)</source>
        <translation>Die Barzahlung erfassen und drucken (Eingabe)</translation>
    </message>
    <message>
        <source>Card payment</source>
        <translation>Kartenzahlung</translation>
    </message>
    <message>
        <source>Cancel the card payment (Esc)</source>
        <translation>Kartenzahlung abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Cancel the card payment</source>
        <translation>Kartenzahlung abbrechen</translation>
    </message>
    <message>
        <source>Cancel the payment at the terminal (Esc)</source>
        <translation>Die Zahlung am Terminal abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Sale completed</source>
        <translation>Verkauf abgeschlossen</translation>
    </message>
    <message>
        <source>Next sale (Ctrl+N)</source>
        <translation>Nächster Verkauf (Strg+N)</translation>
    </message>
    <message>
        <source>Next sale</source>
        <translation>Nächster Verkauf</translation>
    </message>
    <message>
        <source>Clear the cart for the next customer (Ctrl+N)</source>
        <translation>Den Warenkorb für den nächsten Kunden leeren (Strg+N)</translation>
    </message>
    <message>
        <source>Print again (F12)</source>
        <translation>Erneut drucken (F12)</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Erneut drucken</translation>
    </message>
    <message>
        <source>Print the last sale's tickets and receipt again (F12)</source>
        <translation>Tickets und Beleg des letzten Verkaufs erneut drucken (F12)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Nothing held yet</source>
        <translation>Noch nichts reserviert</translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 for %n place(s)</source>
        <translation><numerusform>Summe: %1 für %n Platz</numerusform><numerusform>Summe: %1 für %n Plätze</numerusform></translation>
    </message>
    <message>
        <source>Offline: nothing can be held or sold until the server answers again.</source>
        <translation>Offline: Nichts kann reserviert oder verkauft werden, bis der Server wieder antwortet.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 (standing), %2</source>
        <translation>%1 (Stehplatz), %2</translation>
    </message>
    <message>
        <source>Loading the seat map…</source>
        <translation>Der Saalplan wird geladen …</translation>
    </message>
    <message>
        <source>&amp;Best available (F5)</source>
        <translation>&amp;Beste Plätze (F5)</translation>
    </message>
    <message>
        <source>Add &amp;standing places (F5)</source>
        <translation>&amp;Stehplätze hinzufügen (F5)</translation>
    </message>
    <message>
        <source>Hold the best seats of the tier together (F5)</source>
        <translation>Die besten zusammenhängenden Plätze der Kategorie reservieren (F5)</translation>
    </message>
    <message>
        <source>Hold the number of standing places (F5)</source>
        <translation>Die Anzahl Stehplätze reservieren (F5)</translation>
    </message>
    <message>
        <source>A payment is under way; wait for it to finish.</source>
        <translation>Eine Zahlung läuft; bitte warten, bis sie abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Offline: nothing can be held until the server answers.</source>
        <translation>Offline: Nichts kann reserviert werden, bis der Server antwortet.</translation>
    </message>
    <message>
        <source>Finding the best seats…</source>
        <translation>Die besten Plätze werden gesucht …</translation>
    </message>
    <message>
        <source>Holding the places…</source>
        <translation>Die Plätze werden reserviert …</translation>
    </message>
    <message>
        <source>The seats are in more than one row.</source>
        <translation>Die Plätze liegen in mehr als einer Reihe.</translation>
    </message>
    <message>
        <source>The hold has ended: its seats left the cart. Hold them again to sell them.</source>
        <translation>Die Reservierung ist abgelaufen: Ihre Plätze sind aus dem Warenkorb entfernt. Zum Verkaufen erneut reservieren.</translation>
    </message>
    <message>
        <source>Held for %1:%2 more</source>
        <translation>Noch %1:%2 reserviert</translation>
    </message>
    <message>
        <source>Type the amount handed over</source>
        <translation>Den gegebenen Betrag eingeben</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>%1 fehlen</translation>
    </message>
    <message>
        <source>The amount tendered does not cover the total of %1.</source>
        <translation>Der gegebene Betrag deckt die Summe von %1 nicht.</translation>
    </message>
    <message numerus="yes">
        <source>Sold: %n ticket(s), %1.</source>
        <translation><numerusform>Verkauft: %n Ticket, %1.</numerusform><numerusform>Verkauft: %n Tickets, %1.</numerusform></translation>
    </message>
    <message>
        <source>Change due: %1.</source>
        <translation>Rückgeld: %1.</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Tickets %1</translation>
    </message>
    <message>
        <source>The sale is complete, but printing failed: %1 Print again with F12.</source>
        <translation>Der Verkauf ist abgeschlossen, aber der Druck ist fehlgeschlagen: %1 Mit F12 erneut drucken.</translation>
    </message>
    <message>
        <source>Printed (%1).</source>
        <translation>Gedruckt (%1).</translation>
    </message>
    <message>
        <source>The hold ends in %1:%2: take the payment now, or the seats go back on sale.</source>
        <translation>Die Reservierung endet in %1:%2: jetzt kassieren, sonst gehen die Plätze zurück in den Verkauf.</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Rabattcode</translation>
    </message>
    <message>
        <source>A code the customer has: each hold made while it is here is priced with it</source>
        <translation>Ein Code des Kunden: Jede Reservierung, solange er hier steht, wird damit berechnet</translation>
    </message>
    <message>
        <source>P&amp;romo code:</source>
        <translation>Rabatt&amp;code:</translation>
    </message>
    <message numerus="yes">
        <source>Total: %1 for %n place(s), %2 off</source>
        <translation><numerusform>Summe: %1 für %n Platz, %2 Rabatt</numerusform><numerusform>Summe: %1 für %n Plätze, %2 Rabatt</numerusform></translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Gate %1, %2</source>
        <translation>Eingang %1, %2</translation>
    </message>
    <message>
        <source>Change event</source>
        <translation>Veranstaltung wechseln</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Einlass</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Auslass</translation>
    </message>
    <message>
        <source>Admitted here</source>
        <translation>Hier eingelassen</translation>
    </message>
    <message>
        <source>Inside now</source>
        <translation>Jetzt drinnen</translation>
    </message>
    <message>
        <source>No camera found: scan tickets with the handheld scanner.</source>
        <translation>Keine Kamera gefunden: Tickets mit dem Handscanner scannen.</translation>
    </message>
    <message>
        <source>Loading the ticket list...</source>
        <translation>Die Ticketliste wird geladen …</translation>
    </message>
    <message>
        <source>Handheld scanner</source>
        <translation>Handscanner</translation>
    </message>
    <message>
        <source>Scan a ticket, or type its code and press Enter</source>
        <translation>Ticket scannen oder seinen Code eingeben und die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>Handheld scanner input</source>
        <translation>Eingabe des Handscanners</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>F3</source>
        <translation>F3</translation>
    </message>
</context>
<context>
    <name>ticketing::gate::Scanner</name>
    <message>
        <source>This scanner's key is gone (the keychain was reset). Enroll it again with a new code from the organizer.</source>
        <translation>Der Schlüssel dieses Scanners fehlt (der Schlüsselbund wurde zurückgesetzt). Bitte mit einem neuen Code des Veranstalters erneut registrieren.</translation>
    </message>
    <message>
        <source>Its key is in the system keychain.</source>
        <translation>Sein Schlüssel liegt im Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No keychain here: its key is in a file only this account can read.</source>
        <translation>Kein Schlüsselbund vorhanden: sein Schlüssel liegt in einer Datei, die nur dieses Konto lesen kann.</translation>
    </message>
    <message numerus="yes">
        <source>Online: %n scan(s) to upload</source>
        <translation><numerusform>Online: %n Scan zu senden</numerusform><numerusform>Online: %n Scans zu senden</numerusform></translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message numerus="yes">
        <source>Offline: deciding here, %n scan(s) waiting</source>
        <translation><numerusform>Offline: entscheidet selbst, %n Scan wartet</numerusform><numerusform>Offline: entscheidet selbst, %n Scans warten</numerusform></translation>
    </message>
    <message>
        <source>That is not an enrollment code. It has 12 letters and digits; or scan the organizer's QR code.</source>
        <translation>Das ist kein Registrierungscode. Er hat 12 Buchstaben und Ziffern; oder den QR-Code des Veranstalters scannen.</translation>
    </message>
    <message>
        <source>Which server? Type its address (such as https://tickets.example.org) or scan the organizer's QR code.</source>
        <translation>Welcher Server? Seine Adresse eingeben (etwa https://tickets.example.org) oder den QR-Code des Veranstalters scannen.</translation>
    </message>
    <message>
        <source>This code was used already, has expired, or is not known. Ask the organizer for a new one.</source>
        <translation>Dieser Code wurde schon benutzt, ist abgelaufen oder unbekannt. Bitte beim Veranstalter einen neuen erfragen.</translation>
    </message>
    <message>
        <source>The server does not answer (%1). Check the address and the network, then try again.</source>
        <translation>Der Server antwortet nicht (%1). Adresse und Netz prüfen, dann erneut versuchen.</translation>
    </message>
    <message>
        <source>This scanner cannot save its settings: %1</source>
        <translation>Dieser Scanner kann seine Einstellungen nicht speichern: %1</translation>
    </message>
    <message>
        <source>This scanner could not keep its key: it works until it is restarted, then it must be enrolled again.</source>
        <translation>Dieser Scanner konnte seinen Schlüssel nicht aufbewahren: Er arbeitet bis zum Neustart, danach muss er erneut registriert werden.</translation>
    </message>
    <message>
        <source>The organizer removed this scanner. Enroll it again.</source>
        <translation>Der Veranstalter hat diesen Scanner entfernt. Bitte erneut registrieren.</translation>
    </message>
    <message>
        <source>The server does not answer: the events cannot be listed yet. Try again.</source>
        <translation>Der Server antwortet nicht: Die Veranstaltungen können noch nicht angezeigt werden. Bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>The organizer removed this scanner. Its scans not yet sent are kept; enroll it again to send them.</source>
        <translation>Der Veranstalter hat diesen Scanner entfernt. Noch nicht gesendete Scans bleiben erhalten; zum Senden erneut registrieren.</translation>
    </message>
    <message>
        <source>Seat %1, %2</source>
        <translation>Platz %1, %2</translation>
    </message>
    <message>
        <source>Decided on this scanner: the server did not answer in time.</source>
        <translation>Von diesem Scanner entschieden: Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>Admitted</source>
        <translation>Eingelassen</translation>
    </message>
    <message>
        <source>Exit recorded</source>
        <translation>Auslass erfasst</translation>
    </message>
    <message>
        <source>Already inside</source>
        <translation>Bereits drinnen</translation>
    </message>
    <message>
        <source>Came in at %1 through %2 (%3). %4</source>
        <translation>Eingelassen um %1 am Eingang %2 (%3). %4</translation>
    </message>
    <message>
        <source>another scanner</source>
        <translation>ein anderer Scanner</translation>
    </message>
    <message>
        <source>Not inside</source>
        <translation>Nicht drinnen</translation>
    </message>
    <message>
        <source>This ticket has no entry to leave by. %1</source>
        <translation>Zu diesem Ticket gibt es keinen Einlass, zu dem ein Auslass passt. %1</translation>
    </message>
    <message>
        <source>Refused: cancelled ticket</source>
        <translation>Abgelehnt: storniertes Ticket</translation>
    </message>
    <message>
        <source>This ticket was cancelled, refunded or transferred. %1</source>
        <translation>Dieses Ticket wurde storniert, erstattet oder übertragen. %1</translation>
    </message>
    <message>
        <source>Refused: not a valid ticket</source>
        <translation>Abgelehnt: kein gültiges Ticket</translation>
    </message>
    <message>
        <source>Forged, altered, or not a ticket of ours.</source>
        <translation>Gefälscht, verändert oder kein Ticket von uns.</translation>
    </message>
    <message>
        <source>Refused: another event</source>
        <translation>Abgelehnt: andere Veranstaltung</translation>
    </message>
    <message>
        <source>This ticket is for a different event.</source>
        <translation>Dieses Ticket gilt für eine andere Veranstaltung.</translation>
    </message>
    <message>
        <source>Refused: not valid yet</source>
        <translation>Abgelehnt: noch nicht gültig</translation>
    </message>
    <message>
        <source>Refused: expired</source>
        <translation>Abgelehnt: abgelaufen</translation>
    </message>
</context>
<context>
    <name>ticketing::seatmap::SeatMapLegend</name>
    <message>
        <source>Accessible</source>
        <translation>Barrierefrei</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>Seat map legend</source>
        <translation>Legende des Saalplans</translation>
    </message>
</context>
<context>
    <name>SectionGraphic</name>
    <message numerus="yes">
        <source>%n place(s)</source>
        <translation><numerusform>%n Platz</numerusform><numerusform>%n Plätze</numerusform></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>a standing area: its name, its places</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>a section: its key, its name</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>SectionTool</name>
    <message>
        <source>Seated section</source>
        <translation>Sitzbereich</translation>
    </message>
    <message>
        <source>Click to place a block of rows and seats as the tool bar says; drag to size it</source>
        <translation>Klicken setzt einen Block aus Reihen und Plätzen laut Werkzeugleiste; Ziehen bestimmt seine Größe</translation>
    </message>
    <message>
        <source>Add a seated section</source>
        <translation>Sitzbereich hinzufügen</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Bereich %1</translation>
    </message>
</context>
<context>
    <name>SelectTool</name>
    <message>
        <source>Select</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Click to select, Shift+click to add, drag to move; Ctrl+drag turns; drag from empty space to select a rectangle</source>
        <translation>Klicken wählt aus, Umschalt+Klick fügt hinzu, Ziehen verschiebt; Strg+Ziehen dreht; Ziehen auf freier Fläche wählt ein Rechteck</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
</context>
<context>
    <name>ticketing::widgets::SignInForm</name>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Anmelden (Eingabe)</translation>
    </message>
    <message>
        <source>Enter the server, your e-mail and your password.</source>
        <translation>Bitte Server, E-Mail und Passwort eingeben.</translation>
    </message>
</context>
<context>
    <name>StageGraphic</name>
    <message>
        <source>STAGE</source>
        <translation>BÜHNE</translation>
    </message>
</context>
<context>
    <name>StageTool</name>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
    <message>
        <source>Drag to draw the stage (it replaces the one there is)</source>
        <translation>Ziehen zeichnet die Bühne (sie ersetzt die vorhandene)</translation>
    </message>
    <message>
        <source>Draw the stage</source>
        <translation>Bühne zeichnen</translation>
    </message>
</context>
<context>
    <name>StandingTool</name>
    <message>
        <source>Standing area</source>
        <translation>Stehbereich</translation>
    </message>
    <message>
        <source>Click the corners of the area; Enter or a double click closes it, Backspace takes a corner back</source>
        <translation>Die Ecken des Bereichs anklicken; Eingabe oder Doppelklick schließt ihn, Rücktaste nimmt eine Ecke zurück</translation>
    </message>
    <message>
        <source>Add a standing area</source>
        <translation>Stehbereich hinzufügen</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Stehplatz</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ticketing::boxoffice::WillCallPage</name>
    <message>
        <source>&lt;h2&gt;Will-call&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Abholung&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Search bookings</source>
        <translation>Buchungen suchen</translation>
    </message>
    <message>
        <source>Name, e-mail, booking or ticket number (F2)</source>
        <translation>Name, E-Mail, Buchungs- oder Ticketnummer (F2)</translation>
    </message>
    <message>
        <source>Search bookings (F2)</source>
        <translation>Buchungen suchen (F2)</translation>
    </message>
    <message>
        <source>Bookings found</source>
        <translation>Gefundene Buchungen</translation>
    </message>
    <message>
        <source>Booking details</source>
        <translation>Buchungsdetails</translation>
    </message>
    <message>
        <source>Print again (F12)</source>
        <translation>Erneut drucken (F12)</translation>
    </message>
    <message>
        <source>Print the tickets again</source>
        <translation>Die Tickets erneut drucken</translation>
    </message>
    <message>
        <source>Print the booking's tickets and a copy of the receipt (F12)</source>
        <translation>Die Tickets der Buchung und eine Kopie des Belegs drucken (F12)</translation>
    </message>
    <message>
        <source>Cancel and refund… (Del)</source>
        <translation>Stornieren und erstatten … (Entf)</translation>
    </message>
    <message>
        <source>Cancel and refund</source>
        <translation>Stornieren und erstatten</translation>
    </message>
    <message>
        <source>Cancel the booking under its event's refund policy (Del)</source>
        <translation>Die Buchung nach den Erstattungsregeln der Veranstaltung stornieren (Entf)</translation>
    </message>
    <message>
        <source>Confirm the refund</source>
        <translation>Erstattung bestätigen</translation>
    </message>
    <message>
        <source>Confirm (Enter); Esc keeps the booking</source>
        <translation>Bestätigen (Eingabe); Esc behält die Buchung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche …</translation>
    </message>
    <message>
        <source>No booking matches.</source>
        <translation>Keine Buchung gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n booking(s) found.</source>
        <translation><numerusform>%n Buchung gefunden.</numerusform><numerusform>%n Buchungen gefunden.</numerusform></translation>
    </message>
    <message>
        <source>Search, then choose a booking.</source>
        <translation>Suchen, dann eine Buchung wählen.</translation>
    </message>
    <message>
        <source>Booking %1</source>
        <translation>Buchung %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <source>Refunded %1</source>
        <translation>%1 erstattet</translation>
    </message>
    <message>
        <source>Refund %1 and cancel (Enter)</source>
        <translation>%1 erstatten und stornieren (Eingabe)</translation>
    </message>
    <message>
        <source>Under the event's refund policy nothing is given back now; the tickets would be cancelled. Confirm with Enter, or Esc to keep the booking.</source>
        <translation>Nach den Erstattungsregeln der Veranstaltung wird jetzt nichts erstattet; die Tickets würden storniert. Mit Eingabe bestätigen, mit Esc die Buchung behalten.</translation>
    </message>
    <message>
        <source>Under the event's refund policy %1 of %2 is given back. Confirm with Enter, or Esc to keep the booking.</source>
        <translation>Nach den Erstattungsregeln der Veranstaltung werden %1 von %2 erstattet. Mit Eingabe bestätigen, mit Esc die Buchung behalten.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>Wird erstattet …</translation>
    </message>
    <message>
        <source>Cancelled. Give back %1; the tickets no longer admit.</source>
        <translation>Storniert. %1 zurückgeben; die Tickets gelten nicht mehr.</translation>
    </message>
    <message>
        <source>Tickets %1</source>
        <translation>Tickets %1</translation>
    </message>
    <message>
        <source>Printed again (%1).</source>
        <translation>Erneut gedruckt (%1).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The box office of the ticketing suite</source>
        <translation>Die Kasse der Ticketing-Suite</translation>
    </message>
    <message>
        <source>ticketd's address</source>
        <translation>die Adresse von ticketd</translation>
    </message>
    <message>
        <source>the agent's e-mail</source>
        <translation>die E-Mail des Mitarbeiters</translation>
    </message>
    <message>
        <source>The organizer's app of the ticketing suite</source>
        <translation>Die Veranstalter-App der Ticketing-Suite</translation>
    </message>
    <message>
        <source>the organizer's e-mail</source>
        <translation>die E-Mail des Veranstalters</translation>
    </message>
    <message>
        <source>The gate scanner of the ticketing suite</source>
        <translation>Der Einlassscanner der Ticketing-Suite</translation>
    </message>
    <message>
        <source>ticketd's address, for a code typed by hand</source>
        <translation>Adresse von ticketd, für einen von Hand eingegebenen Code</translation>
    </message>
    <message>
        <source>where the scanner keeps its tickets and its queue</source>
        <translation>wo der Scanner seine Tickets und seine Warteschlange aufbewahrt</translation>
    </message>
    <message>
        <source>enroll at once with this code or enrollment link</source>
        <translation>sofort mit diesem Code oder Registrierungslink registrieren</translation>
    </message>
    <message>
        <source>full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>The scanner cannot open its store: %1</source>
        <translation>Der Scanner kann seinen Speicher nicht öffnen: %1</translation>
    </message>
    <message>
        <source>scan this event (its id) once enrolled</source>
        <translation>nach der Registrierung diese Veranstaltung (ihre ID) scannen</translation>
    </message>
</context>
<context>
    <name>ticketing::client::Display</name>
    <message>
        <source>Group discount: %1 or more (%2 %)</source>
        <translation>Gruppenrabatt: ab %1 (%2 %)</translation>
    </message>
    <message>
        <source>Promo code %1 (%2 %)</source>
        <translation>Rabattcode %1 (%2 %)</translation>
    </message>
    <message>
        <source>Promo code %1</source>
        <translation>Rabattcode %1</translation>
    </message>
</context>
<context>
    <name>ticketing::client::Failure</name>
    <message numerus="yes">
        <source>Not enough places left: %n available.</source>
        <translation><numerusform>Nicht genug Plätze frei: %n verfügbar.</numerusform><numerusform>Nicht genug Plätze frei: %n verfügbar.</numerusform></translation>
    </message>
    <message>
        <source>The hold has ended; the seats must be held again.</source>
        <translation>Die Reservierung ist abgelaufen; die Plätze müssen erneut reserviert werden.</translation>
    </message>
    <message>
        <source>This buyer holds as many places as allowed for this event.</source>
        <translation>Dieser Käufer hält bereits so viele Plätze wie erlaubt.</translation>
    </message>
    <message>
        <source>This event is not on sale.</source>
        <translation>Diese Veranstaltung ist nicht im Verkauf.</translation>
    </message>
    <message>
        <source>Open a shift before taking money.</source>
        <translation>Vor dem Kassieren eine Schicht öffnen.</translation>
    </message>
    <message>
        <source>The shift counts %1; this sale is in %2.</source>
        <translation>Die Schicht rechnet in %1; dieser Verkauf ist in %2.</translation>
    </message>
    <message>
        <source>A shift is open already.</source>
        <translation>Es ist bereits eine Schicht geöffnet.</translation>
    </message>
    <message>
        <source>This shift is closed.</source>
        <translation>Diese Schicht ist abgeschlossen.</translation>
    </message>
    <message>
        <source>This booking is paid already.</source>
        <translation>Diese Buchung ist bereits bezahlt.</translation>
    </message>
    <message>
        <source>The card was declined.</source>
        <translation>Die Karte wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The card payment was cancelled; nothing was charged.</source>
        <translation>Die Kartenzahlung wurde abgebrochen; nichts wurde abgebucht.</translation>
    </message>
    <message>
        <source>The card payment did not go through.</source>
        <translation>Die Kartenzahlung ist nicht durchgegangen.</translation>
    </message>
    <message>
        <source>The payment can no longer be cancelled.</source>
        <translation>Die Zahlung kann nicht mehr abgebrochen werden.</translation>
    </message>
    <message>
        <source>The e-mail or the password is wrong.</source>
        <translation>E-Mail oder Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The session has ended; sign in again.</source>
        <translation>Die Sitzung ist abgelaufen; bitte erneut anmelden.</translation>
    </message>
    <message>
        <source>This account may not do that.</source>
        <translation>Dieses Konto darf das nicht.</translation>
    </message>
    <message>
        <source>Not found (it may have been removed).</source>
        <translation>Nicht gefunden (vielleicht entfernt).</translation>
    </message>
    <message>
        <source>Too many attempts; wait a moment and try again.</source>
        <translation>Zu viele Versuche; bitte kurz warten und erneut versuchen.</translation>
    </message>
    <message>
        <source>Please correct: %1</source>
        <translation>Bitte korrigieren: %1</translation>
    </message>
    <message>
        <source>The server is busy; trying again.</source>
        <translation>Der Server ist ausgelastet; neuer Versuch.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached (%1). Nothing is lost: try again.</source>
        <translation>Der Server ist nicht erreichbar (%1). Nichts geht verloren: bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>The server's answer could not be read: %1</source>
        <translation>Die Antwort des Servers war nicht lesbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n seat(s) were taken by someone else meanwhile.</source>
        <translation><numerusform>%n Platz wurde inzwischen von jemand anderem genommen.</numerusform><numerusform>%n Plätze wurden inzwischen von jemand anderem genommen.</numerusform></translation>
    </message>
    <message>
        <source>The promo code cannot be used.</source>
        <translation>Der Rabattcode kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>There is no such promo code for this event.</source>
        <translation>Diesen Rabattcode gibt es für diese Veranstaltung nicht.</translation>
    </message>
    <message>
        <source>The promo code is not valid yet.</source>
        <translation>Der Rabattcode gilt noch nicht.</translation>
    </message>
    <message>
        <source>The promo code has expired.</source>
        <translation>Der Rabattcode ist abgelaufen.</translation>
    </message>
    <message>
        <source>The promo code has been used as often as it may.</source>
        <translation>Der Rabattcode wurde so oft verwendet, wie er darf.</translation>
    </message>
    <message>
        <source>This customer has used the promo code as often as allowed.</source>
        <translation>Dieser Kunde hat den Rabattcode so oft verwendet, wie erlaubt.</translation>
    </message>
    <message>
        <source>The promo code is not for these tickets.</source>
        <translation>Der Rabattcode gilt nicht für diese Tickets.</translation>
    </message>
    <message>
        <source>The promo code needs more tickets in one hold.</source>
        <translation>Der Rabattcode verlangt mehr Tickets in einer Reservierung.</translation>
    </message>
    <message>
        <source>Nothing was held.</source>
        <translation>Es wurde nichts reserviert.</translation>
    </message>
    <message>
        <source>The event has a promo code with that text already.</source>
        <translation>Die Veranstaltung hat schon einen Rabattcode mit diesem Text.</translation>
    </message>
</context>
<context>
    <name>ticketing::client::Session</name>
    <message>
        <source>No keychain is available (%1): you will be asked for your password next time.</source>
        <translation>Kein Schlüsselbund verfügbar (%1): Beim nächsten Mal wird nach dem Passwort gefragt.</translation>
    </message>
</context>
<context>
    <name>ticketing::seatmap::SeatMapScene</name>
    <message>
        <source>accessible</source>
        <translation>barrierefrei</translation>
    </message>
</context>
<context>
    <name>ticketing::seatmap::StatusStyle</name>
    <message>
        <source>Available</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkauft</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
</context>
</TS>