<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/rapport/main.cpp" line="+55"/>
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
        <location line="+4"/>
        <source>Start on this page (contacts, companies, chat, settings, …).</source>
        <translation>Auf dieser Seite starten (contacts, companies, chat, settings, …).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rapport</source>
        <translation>Rapport</translation>
    </message>
</context>
<context>
    <name>rapport::ui::AddressFields</name>
    <message>
        <location filename="../ui/shared/formbuilder.cpp" line="+71"/>
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
    <name>rapport::ui::AiDrafter</name>
    <message>
        <location filename="../ui/drafts/aidrafter.cpp" line="+65"/>
        <source>Stopped. What was written so far is kept.</source>
        <translation>Angehalten. Der bisher geschriebene Text bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No AI API key is set. Add one in Settings (Ctrl+,).</source>
        <translation>Es ist kein API-Schlüssel für die KI festgelegt. Legen Sie einen in den Einstellungen fest (Strg+,).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many AI requests just now. Try again in %n second(s).</source>
        <translation>
            <numerusform>Gerade zu viele KI-Anfragen. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Gerade zu viele KI-Anfragen. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapport::ui::AiProviderBox</name>
    <message>
        <location filename="../ui/settings/aiproviderbox.cpp" line="+23"/>
        <source>AI provider</source>
        <translation>KI-Anbieter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rapport works with any OpenAI-compatible service: Fireworks AI, OpenAI, or a server on your own computer (llama.cpp, Ollama&apos;s /v1, vLLM) for drafting without a network.</source>
        <translation>Rapport funktioniert mit jedem OpenAI-kompatiblen Dienst: Fireworks AI, OpenAI oder einem Server auf Ihrem eigenen Computer (llama.cpp, Ollama über /v1, vLLM) für Entwürfe ohne Netzwerkverbindung.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model id, e.g. accounts/fireworks/models/…</source>
        <translation>Modell-ID, z. B. accounts/fireworks/models/…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lower is more predictable, higher more varied.</source>
        <translation>Niedrigere Werte sind vorhersehbarer, höhere abwechslungsreicher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The longest answer the model may write, in tokens (about ¾ of a word each).</source>
        <translation>Die maximale Länge einer Antwort des Modells in Token (ein Token entspricht etwa ¾ Wort).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max tokens</source>
        <translation>Max. Token</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Restore Defaults</source>
        <translation>Standardwerte wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Set by the environment for this run, not saved: %1</source>
        <translation>Für diesen Start durch die Umgebung festgelegt, nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::AnswerView</name>
    <message>
        <location filename="../ui/chat/answerview.cpp" line="+243"/>
        <source>The answer stopped before it was complete.</source>
        <translation>Die Antwort endete, bevor sie vollständig war.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ApiKeyBox</name>
    <message>
        <location filename="../ui/settings/apikeybox.cpp" line="+17"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Paste a new API key</source>
        <translation>Neuen API-Schlüssel einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save Key</source>
        <translation>Schlüssel speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove Key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Keep for This Session Only</source>
        <translation>Nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>No key is set. AI chat, Explain and Draft with AI need one, unless the base URL points at a server that needs no key.</source>
        <translation>Es ist kein Schlüssel festgelegt. KI-Chat, „Mit KI erklären“ und „Mit KI entwerfen“ benötigen einen, es sei denn, die Basis-URL verweist auf einen Server, der keinen Schlüssel braucht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A key is saved in the system keychain.</source>
        <translation>Ein Schlüssel ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key is kept for this session only; Rapport will ask for it again next time.</source>
        <translation>Ein Schlüssel wird nur für diese Sitzung behalten; Rapport fragt beim nächsten Mal erneut danach.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key comes from RAPPORT_AI_API_KEY for this run.</source>
        <translation>Der Schlüssel stammt bei diesem Start aus RAPPORT_AI_API_KEY.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ApiKeyController</name>
    <message>
        <location filename="../ui/settings/apikeycontroller.cpp" line="+32"/>
        <source>Enter the API key first.</source>
        <translation>Geben Sie zuerst den API-Schlüssel ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key was not saved: %1</source>
        <translation>Der Schlüssel wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The key could not be removed from the keychain: %1</source>
        <translation>Der Schlüssel konnte nicht aus dem Schlüsselbund entfernt werden: %1</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ChatPage</name>
    <message>
        <location filename="../ui/chat/chatpage.cpp" line="+47"/>
        <source>Change the question, then press Enter to send it again</source>
        <translation>Ändern Sie die Frage und drücken Sie dann die Eingabetaste, um sie erneut zu senden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a new conversation (Ctrl+Shift+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>What can I help you with?</source>
        <translation>Wobei kann ich Ihnen helfen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan a follow-up, draft a reply or rephrase a message. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Planen Sie ein Nachfassen, entwerfen Sie eine Antwort oder formulieren Sie eine Nachricht um. Die Eingabetaste sendet, Umschalt+Eingabetaste beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ask Rapport AI…</source>
        <translation>Rapport AI fragen…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the last answer to the clipboard</source>
        <translation>Die letzte Antwort in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the last question again</source>
        <translation>Die letzte Frage noch einmal stellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Stop the answer (Esc)</source>
        <translation>Die Antwort anhalten (Esc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send (Enter); Shift+Enter starts a new line</source>
        <translation>Senden (Eingabetaste); Umschalt+Eingabetaste beginnt eine neue Zeile</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New Chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>First token after %1 ms</source>
        <translation>Erstes Token nach %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 tokens/s</source>
        <translation>%1 Token/s</translation>
    </message>
    <message>
        <location filename="../ui/chat/chatpage_history.cpp" line="+109"/>
        <source>The answer did not complete.</source>
        <translation>Die Antwort wurde nicht fertig.</translation>
    </message>
    <message>
        <location filename="../ui/chat/chatpage_stream.cpp" line="+88"/>
        <location line="+95"/>
        <source>You stopped the answer.</source>
        <translation>Sie haben die Antwort angehalten.</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Rapport AI explains this contact from its record, company, notes and recent activity.</source>
        <translation>Rapport AI erklärt diesen Kontakt anhand seiner Daten, seiner Firma, der Notizen und der letzten Aktivitäten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapport AI explains this company from its record, contacts, notes and recent activity.</source>
        <translation>Rapport AI erklärt diese Firma anhand ihrer Daten, ihrer Kontakte, der Notizen und der letzten Aktivitäten.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Answer copied to the clipboard</source>
        <translation>Antwort in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Waiting for the first token…</source>
        <translation>Warten auf das erste Token…</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The answer was cancelled.</source>
        <translation>Die Antwort wurde abgebrochen.</translation>
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
        <source>Type to find a company</source>
        <translation type="vanished">Tippen, um eine Firma zu finden</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ConflictCard</name>
    <message>
        <location filename="../ui/sync/conflictcard.cpp" line="+60"/>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A colleague deleted this record while you were changing it.</source>
        <translation>Eine Kollegin oder ein Kollege hat diesen Eintrag gelöscht, während Sie ihn geändert haben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team server did not accept your change: %1</source>
        <translation>Der Teamserver hat Ihre Änderung nicht angenommen: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Leave deleted</source>
        <translation>Gelöscht lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore mine</source>
        <translation>Meine wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep theirs</source>
        <translation>Deren behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not resolve the conflict: %1</source>
        <translation>Der Konflikt konnte nicht gelöst werden: %1</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ConflictsPage</name>
    <message>
        <location filename="../ui/sync/conflictspage.cpp" line="+34"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When you and a colleague change the same thing, both versions wait here until you choose. Until then the record shows theirs.</source>
        <translation>Wenn Sie und jemand aus Ihrem Team dasselbe ändern, warten hier beide Fassungen, bis Sie sich entscheiden. Bis dahin zeigt der Eintrag die andere Fassung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No conflicts. Edits that collide with a colleague&apos;s show up here.</source>
        <translation>Keine Konflikte. Änderungen, die mit denen aus Ihrem Team kollidieren, erscheinen hier.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not load the conflicts: %1</source>
        <translation>Die Konflikte konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>rapport::ui::ContactEditor</name>
    <message>
        <location filename="../ui/contacts/contacteditor.cpp" line="+17"/>
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
        <source>Type to find a company</source>
        <translation>Tippen, um eine Firma zu finden</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+2"/>
        <source>Mail</source>
        <translation>E-Mail-Verlauf</translation>
    </message>
    <message>
        <location line="+51"/>
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
    <name>rapport::ui::ConversationListModel</name>
    <message>
        <location filename="../ui/chat/conversationlistmodel.cpp" line="+37"/>
        <source>Untitled conversation</source>
        <translation>Unterhaltung ohne Titel</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
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
    <name>rapport::ui::DraftEditor</name>
    <message>
        <location filename="../ui/drafts/drafteditor.cpp" line="+66"/>
        <source>New draft</source>
        <translation>Neuer Entwurf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a draft on the left, or press Ctrl+N to write one.</source>
        <translation>Wählen Sie links einen Entwurf aus oder schreiben Sie mit Strg+N einen neuen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type to find a contact</source>
        <translation>Tippen, um einen Kontakt zu finden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Draft with AI</source>
        <translation>Mit KI entwerfen</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Intent</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>e.g. Follow up on Tuesday&apos;s demo and propose a call</source>
        <translation>z. B. Nach der Demo am Dienstag nachfassen und ein Telefonat vorschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friendly</source>
        <translation>Freundlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Formal</source>
        <translation>Förmlich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brief</source>
        <translation>Knapp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enthusiastic</source>
        <translation>Begeistert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tone</source>
        <translation>Tonfall</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write subject and body from the intent (Ctrl+Return)</source>
        <translation>Betreff und Text aus dem Anliegen schreiben (Strg+Eingabetaste)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name@example.com, …</source>
        <translation>name@beispiel.de, …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>(deleted contact)</source>
        <translation>(gelöschter Kontakt)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Pick a contact from the list, or clear the field.</source>
        <translation>Wählen Sie einen Kontakt aus der Liste oder leeren Sie das Feld.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Writing…</source>
        <translation>Wird geschrieben…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Please check the highlighted fields.</source>
        <translation>Bitte überprüfen Sie die markierten Felder.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::DraftsModel</name>
    <message>
        <location filename="../ui/drafts/draftsmodel.cpp" line="+24"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
</context>
<context>
    <name>rapport::ui::DraftsPage</name>
    <message>
        <location filename="../ui/drafts/draftspage.cpp" line="+20"/>
        <source>Search drafts…</source>
        <translation>Entwürfe suchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No drafts match “%1”</source>
        <translation>Keine Entwürfe passen zu „%1“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No drafts yet.
Press Ctrl+N to write one, or use “Draft with AI”.</source>
        <translation>Noch keine Entwürfe.
Schreiben Sie mit Strg+N einen neuen oder verwenden Sie „Mit KI entwerfen“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Draft saved</source>
        <translation>Entwurf gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted “%1” — Undo (Ctrl+Z)</source>
        <translation>„%1“ gelöscht — Rückgängig (Strg+Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restored “%1”</source>
        <translation>„%1“ wiederhergestellt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Written and saved. Edit it as you like, then save (Ctrl+S).</source>
        <translation>Geschrieben und gespeichert. Bearbeiten Sie den Entwurf nach Belieben und speichern Sie ihn dann (Strg+S).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI draft saved</source>
        <translation>KI-Entwurf gespeichert</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Say what the email should achieve.</source>
        <translation>Geben Sie an, was die E-Mail erreichen soll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick the contact the email is for.</source>
        <translation>Wählen Sie den Kontakt aus, an den die E-Mail gehen soll.</translation>
    </message>
    <message>
        <location filename="../ui/drafts/draftspage_gmail.cpp" line="+24"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saving to Gmail…</source>
        <translation>Wird in Gmail gespeichert…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gmail cannot be reached: the email waits in the outbox and goes when it can (%1).</source>
        <translation>Gmail ist nicht erreichbar: Die E-Mail wartet im Postausgang und wird übertragen, sobald es möglich ist (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent.</source>
        <translation>Gesendet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved to your Gmail drafts.</source>
        <translation>In Ihren Gmail-Entwürfen gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the draft first: check the highlighted fields.</source>
        <translation>Speichern Sie zuerst den Entwurf: Überprüfen Sie die markierten Felder.</translation>
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
    <name>rapport::ui::GmailBox</name>
    <message>
        <location filename="../ui/settings/gmailbox.cpp" line="+22"/>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect your Gmail account to see the mail you exchanged with a contact and to send drafts. Rapport asks Google for permission to read and compose mail; the sign-in is kept in your keychain.</source>
        <translation>Verbinden Sie Ihr Gmail-Konto, um die mit einem Kontakt ausgetauschten E-Mails zu sehen und Entwürfe zu senden. Rapport bittet Google um die Berechtigung, E-Mails zu lesen und zu verfassen; die Anmeldung wird in Ihrem Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>….apps.googleusercontent.com</source>
        <translation>….apps.googleusercontent.com</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kept in the keychain; leave empty to keep the saved one</source>
        <translation>Wird im Schlüsselbund gespeichert; leer lassen, um den gespeicherten zu behalten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Google client id</source>
        <translation>Google-Client-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret</source>
        <translation>Clientschlüssel</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+72"/>
        <source>Connect Gmail…</source>
        <translation>Gmail verbinden…</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Set by RAPPORT_GOOGLE_CLIENT_ID for this run</source>
        <translation>Für diesen Start durch RAPPORT_GOOGLE_CLIENT_ID festgelegt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected as &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Verbunden als &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rapport may read and compose your mail; access renews by itself.</source>
        <translation>Rapport darf Ihre E-Mails lesen und verfassen; der Zugriff erneuert sich automatisch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Google granted only part of what Rapport asked for (missing: %1). Disconnect, connect again and allow everything on Google&apos;s page.</source>
        <translation>Google hat nur einen Teil der von Rapport angefragten Berechtigungen erteilt (es fehlt: %1). Trennen Sie die Verbindung, stellen Sie sie erneut her und erlauben Sie auf der Seite von Google alles.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available: the sign-in is kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar: Die Anmeldung wird nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Reconnect needed&lt;/b&gt;: Google no longer accepts Rapport&apos;s sign-in for %1.</source>
        <translation>&lt;b&gt;Erneute Verbindung nötig&lt;/b&gt;: Google akzeptiert die Anmeldung von Rapport für %1 nicht mehr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the client id of a Google “Desktop app” OAuth client (Google Cloud console → APIs &amp; Services → Credentials) to connect.</source>
        <translation>Geben Sie zum Verbinden die Client-ID eines Google-OAuth-Clients vom Typ „Desktop-App“ ein (Google Cloud Console → APIs und Dienste → Anmeldedaten).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last problem (%1): %2</source>
        <translation>Letztes Problem (%1): %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reconnect…</source>
        <translation>Neu verbinden…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saved in the keychain</source>
        <translation>Im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for you to sign in to Google in your browser…</source>
        <translation>Warten auf Ihre Anmeldung bei Google im Browser…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disconnecting…</source>
        <translation>Verbindung wird getrennt…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>If no browser opened, &lt;a href=&quot;%1&quot;&gt;open Google&apos;s sign-in page&lt;/a&gt;.</source>
        <translation>Falls sich kein Browser geöffnet hat, &lt;a href=&quot;%1&quot;&gt;öffnen Sie die Anmeldeseite von Google&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rapport forgot the sign-in, but Google could not be told (%1). You can remove Rapport from your Google account&apos;s security page.</source>
        <translation>Rapport hat die Anmeldung gelöscht, konnte aber Google nicht benachrichtigen (%1). Sie können Rapport auf der Sicherheitsseite Ihres Google-Kontos entfernen.</translation>
    </message>
</context>
<context>
    <name>rapport::ui::GmailSendBar</name>
    <message>
        <location filename="../ui/drafts/gmailsendbar.cpp" line="+15"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send with Gmail (Ctrl+Shift+Return); without a network it waits in the outbox</source>
        <translation>Mit Gmail senden (Strg+Umschalt+Eingabetaste); ohne Netzwerk wartet die E-Mail im Postausgang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to Gmail Drafts</source>
        <translation>Als Gmail-Entwurf speichern</translation>
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
    <name>rapport::ui::MailTimeline</name>
    <message>
        <location filename="../ui/contacts/mailtimeline.cpp" line="+77"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask Gmail for new mail with this contact</source>
        <translation>Neue E-Mails mit diesem Kontakt von Gmail abrufen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Save the contact to see the mail you exchanged with it.</source>
        <translation>Speichern Sie den Kontakt, um die mit ihm ausgetauschten E-Mails zu sehen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connect Gmail in Settings to see the mail you exchanged with this contact.</source>
        <translation>Verbinden Sie Gmail in den Einstellungen, um die mit diesem Kontakt ausgetauschten E-Mails zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gmail is not connected: this is the copy saved on this computer.</source>
        <translation>Gmail ist nicht verbunden: Dies ist die auf diesem Computer gespeicherte Kopie.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refreshing from Gmail…</source>
        <translation>Wird von Gmail aktualisiert…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refreshing from Gmail… %1 of %2</source>
        <translation>Wird von Gmail aktualisiert… %1 von %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not refresh from Gmail: %1 Showing the copy saved on this computer.</source>
        <translation>Aktualisierung von Gmail fehlgeschlagen: %1 Angezeigt wird die auf diesem Computer gespeicherte Kopie.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No mail with this contact yet.</source>
        <translation>Noch keine E-Mails mit diesem Kontakt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Refreshed %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not refreshed yet</source>
        <translation>Noch nicht aktualisiert</translation>
    </message>
</context>
<context>
    <name>rapport::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+76"/>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Companies</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+46"/>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n email(s) sent from the outbox</source>
        <translation>
            <numerusform>%n E-Mail aus dem Postausgang gesendet</numerusform>
            <numerusform>%n E-Mails aus dem Postausgang gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message>
        <location line="+73"/>
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
        <location filename="../ui/mainwindow_actions.cpp" line="+43"/>
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
        <location line="+2"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>E&amp;xplain with AI</source>
        <translation>Mit KI &amp;erklären</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain the selected contact or company with AI (Ctrl+E)</source>
        <translation>Den ausgewählten Kontakt oder die ausgewählte Firma mit KI erklären (Strg+E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft &amp;Email…</source>
        <translation>E-&amp;Mail entwerfen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write an email to the selected contact (Ctrl+Shift+E)</source>
        <translation>Eine E-Mail an den ausgewählten Kontakt schreiben (Strg+Umschalt+E)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not open the contact: %1</source>
        <translation>Der Kontakt konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>They leave by themselves when Gmail can be reached.</source>
        <translation>Sie werden automatisch gesendet, sobald Gmail erreichbar ist.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n email(s) waiting to send</source>
        <translation>
            <numerusform>%n E-Mail wartet auf den Versand</numerusform>
            <numerusform>%n E-Mails warten auf den Versand</numerusform>
        </translation>
    </message>
    <message>
        <location line="+28"/>
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
    <name>rapport::ui::MessageWidget</name>
    <message>
        <location filename="../ui/chat/messagewidget.cpp" line="+48"/>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rapport AI</source>
        <translation>Rapport AI</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put this question into the input to change and send it again</source>
        <translation>Diese Frage ins Eingabefeld übernehmen, um sie zu ändern und erneut zu senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ask the question again</source>
        <translation>Die Frage noch einmal stellen</translation>
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
        <location line="+45"/>
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
<context>
    <name>rapport::ui::SettingsPage</name>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="+30"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>rapport::ui::SyncFormat</name>
    <message>
        <location filename="../ui/sync/syncformat.cpp" line="+25"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Emails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>work</source>
        <translation>dienstlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home</source>
        <translation>privat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mobile</source>
        <translation>mobil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>in %n s</source>
        <translation>
            <numerusform>in %n s</numerusform>
            <numerusform>in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Min.</numerusform>
            <numerusform>in %n Min.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rapport::ui::SyncIndicator</name>
    <message>
        <location filename="../ui/sync/syncindicator.cpp" line="+42"/>
        <source>Sync &amp;Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Team Server Settings…</source>
        <translation>Teamserver-Einstellungen…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Not signed in to a team server.</source>
        <translation>Nicht bei einem Teamserver angemeldet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team server cannot be reached; your changes wait on this computer.</source>
        <translation>Der Teamserver ist nicht erreichbar; Ihre Änderungen warten auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Sync failed: %1</source>
        <translation>Synchronisieren fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Synced with the team server</source>
        <translation>Mit dem Teamserver synchronisiert</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Offline – %n pending</source>
        <translation>
            <numerusform>Offline – %n ausstehend</numerusform>
            <numerusform>Offline – %n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync error</source>
        <translation>Synchronisierungsfehler</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Synced</source>
        <translation>Synchronisiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 conflict</source>
        <translation>1 Konflikt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 conflicts</source>
        <translation>%1 Konflikte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resolve 1 Conflict…</source>
        <translation>1 Konflikt lösen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolve %1 Conflicts…</source>
        <translation>%1 Konflikte lösen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not signed in to a team server: Rapport works with the data on this computer. Sign in under Settings → Team server to share contacts and companies with your team.</source>
        <translation>Nicht bei einem Teamserver angemeldet: Rapport arbeitet mit den Daten auf diesem Computer. Melden Sie sich unter Einstellungen → Teamserver an, um Kontakte und Firmen mit Ihrem Team zu teilen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Team server: %1</source>
        <translation>Teamserver: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last synced: %1</source>
        <translation>Zuletzt synchronisiert: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 change waiting to be sent</source>
        <translation>1 Änderung wartet auf das Senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 changes waiting to be sent</source>
        <translation>%1 Änderungen warten auf das Senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last problem: %1</source>
        <translation>Letztes Problem: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last problem (%1): %2</source>
        <translation>Letztes Problem (%1): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next attempt: %1</source>
        <translation>Nächster Versuch: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 conflict to resolve</source>
        <translation>1 Konflikt zu lösen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 conflicts to resolve</source>
        <translation>%1 Konflikte zu lösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click for Sync Now (Ctrl+Shift+S).</source>
        <translation>Klicken für „Jetzt synchronisieren“ (Strg+Umschalt+S).</translation>
    </message>
</context>
<context>
    <name>rapport::ui::TeamServerBox</name>
    <message>
        <location filename="../ui/sync/teamserverbox.cpp" line="+23"/>
        <source>Team server</source>
        <translation>Teamserver</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share contacts and companies with your team through a Rapport server. Drafts, chats and mail stay on this computer.</source>
        <translation>Teilen Sie Kontakte und Firmen über einen Rapport-Server mit Ihrem Team. Entwürfe, Chats und E-Mails bleiben auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional: for a server with its own certificate</source>
        <translation>Optional: für einen Server mit eigenem Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>you@example.com</source>
        <translation>sie@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sign Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+180"/>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Signed in as &lt;b&gt;%1&lt;/b&gt; on %2</source>
        <translation>Angemeldet als &lt;b&gt;%1&lt;/b&gt; bei %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not signed in: Rapport works with the data on this computer only.</source>
        <translation>Nicht angemeldet: Rapport arbeitet nur mit den Daten auf diesem Computer.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enter the address of your team server.</source>
        <translation>Geben Sie die Adresse Ihres Teamservers ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the email address you sign in with.</source>
        <translation>Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password.</source>
        <translation>Geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signing In…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The email or password is wrong.</source>
        <translation>E-Mail-Adresse oder Passwort ist falsch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too many sign-in attempts. Please try again in %1 min.</source>
        <translation>Zu viele Anmeldeversuche. Bitte versuchen Sie es in %1 Min. erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many sign-in attempts. Please try again in %1 s.</source>
        <translation>Zu viele Anmeldeversuche. Bitte versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many sign-in attempts. Please wait a minute and try again.</source>
        <translation>Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rapport could not set up a secure connection to %1. If your team runs its own server, choose its certificate above.
Details: %2</source>
        <translation>Rapport konnte keine sichere Verbindung zu %1 herstellen. Wenn Ihr Team einen eigenen Server betreibt, wählen Sie oben dessen Zertifikat aus.
Details: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rapport could not reach the team server at %1. Check the address and your network connection.
Details: %2</source>
        <translation>Rapport konnte den Teamserver unter %1 nicht erreichen. Prüfen Sie die Adresse und Ihre Netzwerkverbindung.
Details: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The team server runs another version of Rapport. Please update Rapport, or ask whoever runs the server.
Details: %1</source>
        <translation>Auf dem Teamserver läuft eine andere Rapport-Version. Bitte aktualisieren Sie Rapport oder fragen Sie, wer den Server betreibt.
Details: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This version of Rapport cannot sign in to a team server yet.</source>
        <translation>Diese Rapport-Version kann sich noch nicht bei einem Teamserver anmelden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in did not work: %1</source>
        <translation>Die Anmeldung hat nicht geklappt: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Signing out did not work: %1</source>
        <translation>Die Abmeldung hat nicht geklappt: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Certificate of the Team Server</source>
        <translation>Zertifikat des Teamservers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>
