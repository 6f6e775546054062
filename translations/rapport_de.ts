<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/rapport/main.cpp" line="+51"/>
        <source>The file is damaged or is not a Rapport database. It was left unchanged: restore it from a backup, or start with another profile (--profile DIR).

Details: %1</source>
        <translation>Die Datei ist beschädigt oder keine Rapport-Datenbank. Sie wurde nicht verändert: Stellen Sie sie aus einer Sicherung wieder her oder starten Sie mit einem anderen Profil (--profile ORDNER).

Details: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file was written by a newer version of Rapport. Please update Rapport.

Details: %1</source>
        <translation>Die Datei stammt von einer neueren Rapport-Version. Bitte aktualisieren Sie Rapport.

Details: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rapport could not open the profile database
%1

%2</source>
        <translation>Rapport konnte die Profil-Datenbank nicht öffnen
%1

%2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Rapport, the desktop CRM for sales people.</source>
        <translation>Rapport, das Desktop-CRM für den Vertrieb.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile folder (default: $RAPPORT_PROFILE or the user&apos;s data folder).</source>
        <translation>Profilordner (Standard: $RAPPORT_PROFILE oder der Datenordner des Benutzers).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dir</source>
        <translation>ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save a picture of the window once the contacts are shown, then exit.</source>
        <translation>Ein Bild des Fensters speichern, sobald die Kontakte angezeigt werden, dann beenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>datei</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rapport</source>
        <translation>Rapport</translation>
    </message>
</context>
<context>
    <name>rapport::ui::AddressFields</name>
    <message>
        <location filename="../ui/shared/formbuilder.cpp" line="+66"/>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>State or region</source>
        <translation>Bundesland oder Region</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>rapport::ui::CompaniesModel</name>
    <message>
        <location filename="../ui/companies/companiesmodel.cpp" line="+19"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>rapport::ui::CompaniesPage</name>
    <message>
        <location filename="../ui/companies/companiespage.cpp" line="+13"/>
        <source>Search name, domain or phone…</source>
        <translation>Name, Domain oder Telefon suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No companies match “%1”</source>
        <translation>Keine Firmen passen zu „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No companies yet.
Press Ctrl+N to add the first one.</source>
        <translation>Noch keine Firmen.
Mit Strg+N legen Sie die erste an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company created</source>
        <translation>Firma angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company saved</source>
        <translation>Firma gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted %1 — Undo (Ctrl+Z)</source>
        <translation>%1 gelöscht — Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored %1</source>
        <translation>%1 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>rapport::ui::CompanyEditor</name>
    <message>
        <location filename="../ui/companies/companyeditor.cpp" line="+14"/>
        <source>New company</source>
        <translation>Neue Firma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a company on the left, or press Ctrl+N to add one.</source>
        <translation>Wählen Sie links eine Firma aus oder legen Sie mit Strg+N eine neue an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Company name</source>
        <translation>Name der Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>example.com</source>
        <translation>beispiel.de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More</source>
        <translation>Weiteres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comma separated, e.g. customer, retail</source>
        <translation>Durch Kommas getrennt, z. B. Kunde, Handel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who looks after this account</source>
        <translation>Wer diese Firma betreut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Please enter a name.</source>
        <translation>Bitte geben Sie einen Namen ein.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::CompanyPicker</name>
    <message>
        <location filename="../ui/contacts/companypicker.cpp" line="+13"/>
        <source>Type to find a company</source>
        <translation>Tippen, um eine Firma zu finden</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ContactEditor</name>
    <message>
        <location filename="../ui/contacts/contacteditor.cpp" line="+16"/>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a contact on the left, or press Ctrl+N to add one.</source>
        <translation>Wählen Sie links einen Kontakt aus oder legen Sie mit Strg+N einen neuen an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First and last name</source>
        <translation>Vor- und Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. Head of Purchasing</source>
        <translation>z. B. Leitung Einkauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reach</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+4"/>
        <source>Home</source>
        <translation>Privat</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add email</source>
        <translation>E-Mail hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add phone</source>
        <translation>Telefon hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More</source>
        <translation>Weiteres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comma separated, e.g. vip, berlin</source>
        <translation>Durch Kommas getrennt, z. B. vip, berlin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who looks after this contact</source>
        <translation>Wer diesen Kontakt betreut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Please enter a name.</source>
        <translation>Bitte geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a company from the list, or clear the field.</source>
        <translation>Wählen Sie eine Firma aus der Liste oder leeren Sie das Feld.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ContactsModel</name>
    <message>
        <location filename="../ui/contacts/contactsmodel.cpp" line="+13"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ContactsPage</name>
    <message>
        <location filename="../ui/contacts/contactspage.cpp" line="+13"/>
        <source>Search name, email, company or phone…</source>
        <translation>Name, E-Mail, Firma oder Telefon suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contacts match “%1”</source>
        <translation>Keine Kontakte passen zu „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No contacts yet.
Press Ctrl+N to add the first one.</source>
        <translation>Noch keine Kontakte.
Mit Strg+N legen Sie den ersten an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact created</source>
        <translation>Kontakt angelegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact saved</source>
        <translation>Kontakt gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted %1 — Undo (Ctrl+Z)</source>
        <translation>%1 gelöscht — Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored %1</source>
        <translation>%1 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>rapport::ui::DemoOffer</name>
    <message>
        <location filename="../ui/firstrun/demooffer.cpp" line="+32"/>
        <source>&lt;b&gt;Your profile is empty.&lt;/b&gt; Load %1 demo contacts with their companies to look around? You can delete them again at any time.</source>
        <translation>&lt;b&gt;Ihr Profil ist leer.&lt;/b&gt; %1 Demo-Kontakte mit ihren Firmen laden, um sich umzusehen? Sie können sie jederzeit wieder löschen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Load demo data</source>
        <translation>Demodaten laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No thanks</source>
        <translation>Nein, danke</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Demo data loaded</source>
        <translation>Demodaten geladen</translation>
    </message>
</context>
<context>
    <name>rapport::ui::Errors</name>
    <message>
        <location filename="../ui/shared/jsonutil.cpp" line="+29"/>
        <source>The request failed (status %1).</source>
        <translation>Die Anfrage ist fehlgeschlagen (Status %1).</translation>
    </message>
</context>
<context>
    <name>rapport::ui::FieldErrors</name>
    <message>
        <location filename="../ui/shared/fielderrors.cpp" line="+56"/>
        <source>This value is not valid.</source>
        <translation>Dieser Wert ist ungültig.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ListEditor</name>
    <message>
        <location filename="../ui/shared/listeditor.cpp" line="+95"/>
        <source>Primary address</source>
        <translation>Hauptadresse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make this the primary address</source>
        <translation>Zur Hauptadresse machen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>rapport::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+64"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Rapport</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 — Rapport</source>
        <translation>%1 — Rapport</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>1 contact</source>
        <translation>1 Kontakt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 company</source>
        <translation>1 Firma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 companies</source>
        <translation>%1 Firmen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Loading demo data…</source>
        <translation>Demodaten werden geladen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not load demo data: %1</source>
        <translation>Demodaten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow_actions.cpp" line="+33"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New record (Ctrl+N)</source>
        <translation>Neuer Eintrag (Strg+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;vert Changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Rapport</source>
        <translation>Ü&amp;ber Rapport</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>About Rapport</source>
        <translation>Über Rapport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Rapport %1&lt;/h3&gt;&lt;p&gt;The desktop CRM for sales people: contacts and companies, fast search, and every change undoable.&lt;/p&gt;&lt;p&gt;Profile: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Rapport %1&lt;/h3&gt;&lt;p&gt;Das Desktop-CRM für den Vertrieb: Kontakte und Firmen, schnelle Suche, und jede Änderung lässt sich rückgängig machen.&lt;/p&gt;&lt;p&gt;Profil: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rapport::ui::RecordCommands</name>
    <message>
        <location filename="../ui/shared/recordcommands.cpp" line="+23"/>
        <source>Create “%1”</source>
        <translation>„%1“ anlegen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undone: created “%1”</source>
        <translation>Rückgängig: „%1“ angelegt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created “%1” again</source>
        <translation>„%1“ erneut angelegt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete “%1”</source>
        <translation>„%1“ löschen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restored “%1”</source>
        <translation>„%1“ wiederhergestellt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted “%1” again</source>
        <translation>„%1“ erneut gelöscht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undone: changes to “%1”</source>
        <translation>Rückgängig: Änderungen an „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Redone: changes to “%1”</source>
        <translation>Wiederholt: Änderungen an „%1“</translation>
    </message>
</context>
<context>
    <name>rapport::ui::RecordEditor</name>
    <message>
        <location filename="../ui/shared/recordeditor.cpp" line="+63"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard the changes you made since the last save</source>
        <translation>Die Änderungen seit dem letzten Speichern verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Created %1 · Updated %2</source>
        <translation>Angelegt %1 · Geändert %2</translation>
    </message>
</context>
<context>
    <name>rapport::ui::RecordPage</name>
    <message>
        <location filename="../ui/shared/recordpage.cpp" line="+29"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to “%1”?</source>
        <translation>Änderungen an „%1“ speichern?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/shared/recordpage_io.cpp" line="+42"/>
        <source>Please correct the highlighted fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
</context>
</TS>
