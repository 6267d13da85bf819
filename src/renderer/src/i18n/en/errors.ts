/**
 * English words for every error code the core, the transports and the app shell can raise. `errors` is worded
 * without specifics so it always reads well; `errorsDetailed` is used instead when the error's details carry
 * every value its text names (file, row, count…). A guard test fails when a raised code has no entry here.
 */
export const errors: Record<string, string> = {
  ADMISSION_AGP_NO_REDUCTION: 'Assistant GP training cannot have its training years reduced. Nothing was changed.',
  ADMISSION_ALREADY_DECLINED: 'This applicant has already been recorded as declining; no need to record it again.',
  ADMISSION_ALREADY_PUBLISHED: 'This admission result is already published; no need to publish it again.',
  ADMISSION_APPLICANT_UNKNOWN: "This applicant is not in this year's roster.",
  ADMISSION_BAD_DATE: 'The reporting date is later than the recorded signing date. Please check the dates.',
  ADMISSION_BAD_ROUND: "This province's preset does not have that many choice rounds. Choose a round within the preset.",
  ADMISSION_CHOICE_NOT_IN_PLAN: "A second-window choice is not in this base's intake plan.",
  ADMISSION_CONFIRM_REASON_REQUIRED:
    'The list is already published: re-running admission needs a reason (at least 2 characters). Nothing was changed.',
  ADMISSION_DECISION_UNKNOWN: 'This admission decision no longer exists (it may have been withdrawn). Refresh and try again.',
  ADMISSION_NOTHING_TO_PUBLISH: 'This admission result admits nobody, so there is nothing to publish.',
  ADMISSION_NOT_ADMITTED:
    'This applicant is not on the current provisional admission list (not admitted or declined), so this cannot be recorded.',
  ADMISSION_NOT_REPORTED: 'This applicant has not reported yet. Record the reporting date first.',
  ADMISSION_NOT_SENT_TO_PROVINCE:
    'The base has not approved this reduction of training years, so there is no provincial review result to record.',
  ADMISSION_NO_REDUCTION_REQUEST: 'There is no request to reduce training years for this applicant. Record the request first.',
  ADMISSION_NO_SECOND_WINDOW:
    "This province's preset has no second application window, so second-window choices cannot be recorded.",
  ADMISSION_OVER_QUOTA:
    'Admitting these applicants would exceed the quota. If this is approved, tick "over-quota approval" and give the reason. Nothing was changed.',
  ADMISSION_PLAN_EMPTY:
    'All seats of the intake plan are still in "Other (to allocate)". Allocate them to this base\'s specialties in the intake plan first. Nothing was changed.',
  ADMISSION_PUBLISHED:
    'The provisional admission list is already published. Re-running changes the published list and needs publishing again. To continue, confirm and give a reason. Nothing was changed.',
  ADMISSION_REDUCTION_EXCEEDS_REQUEST: 'The base cannot approve more years of reduction than were requested.',
  ADMISSION_REDUCTION_TOO_LONG: 'The reduction cannot be as long as the training itself.',
  ADMISSION_STALE: 'The admission result is out of date: its inputs changed after the run. Run admission again first.',
  ADMISSION_TIES_OPEN:
    'There are still ties at the last seat waiting for a decision, so the list cannot be published yet. Decide the ties first.',
  ADMISSION_TIE_MISMATCH: 'Some of the selected applicants are not part of this tie.',
  ADMISSION_TIE_NOT_FOUND:
    'There is no open tie here any more (it may have been decided, or changed after a decline or a score change). Refresh the admission result.',
  ADMISSION_TOO_MANY_CHOICES: 'Too many choices for the second application window.',
  AGE_HEADER_INVALID: "The encrypted file's header is not valid. The file may be damaged or may not be an age-encrypted file.",
  AGE_HEADER_MAC_INVALID: "The encrypted file's header has been altered. Get the original file again.",
  AGE_IDENTITY_INVALID: 'The decryption key is not in the expected format (it should start with AGE-SECRET-KEY-1).',
  AGE_NO_MATCH: "This file was encrypted for someone else: none of this computer's keys can open it.",
  AGE_PAYLOAD_CORRUPT: "The encrypted file's content is damaged or was altered. Get the original file again.",
  AGE_PAYLOAD_TRUNCATED:
    'The encrypted file is incomplete (cut short while copying or downloading). Get the complete file again.',
  AGE_RECIPIENT_INVALID: "The recipient's public key is not valid (it should start with age1).",
  AGE_RECIPIENT_IS_SECRET:
    'This is an age private key, not a public key. Private keys stay with the provincial recipient; ask them for the public key starting with age1.',
  ALLOC_BAD_OPTIONS: 'The second-window setting of the admission scheme is not valid.',
  ALLOC_BAD_QUOTA: 'A quota in the intake plan is not valid: it must be a whole number of at least 0.',
  ALLOC_BAD_ROUNDS:
    'The number of choice rounds is not valid: it must be a whole number from 1 to 3. Check the admission scheme.',
  ALLOC_BAD_SCORE: "An applicant's total score is not valid. Check the scores.",
  ALLOC_BAD_SEAT: 'A row of the intake plan has no specialty code. Please complete it.',
  ALLOC_DUPLICATE_APPLICANT: 'An applicant appears twice in the list. Remove the duplicate before running admission.',
  ALLOC_DUPLICATE_SEAT: 'A specialty appears twice in the intake plan. Please merge the rows.',
  ALLOC_MIXED_SPLIT: "A specialty's plan has both rows by applicant category and rows without one. Please use one way.",
  ALREADY_ABSENT: 'This candidate is already marked absent (once is enough).',
  ALREADY_SIGNED: "This candidate's scores are already signed off.",
  APPLICANTS_COLUMNS_MISSING: 'The file lacks required columns. Check the column mapping in the import wizard.',
  APPLICANTS_NO_HEADER:
    'No roster header was found in the file (at least "name" and "ID number" columns are needed). Check that this is the right file, or set the header row and columns in the import wizard.',
  APPLICANT_DUPLICATE:
    "An applicant with this ID number is already in this year's roster. Open that person in the roster to add or correct details.",
  APPLICANT_INVALID: "Some of the applicant's details need correcting; nothing was saved.",
  APPLICANT_NOT_FOUND: 'This applicant could not be found (perhaps deleted). Search again.',
  ASSIGNED_ALREADY: 'A person with this ID number is already recorded as assigned; no need to record again.',
  ASSIGNED_NOT_APPLICABLE:
    "In this province assignment is not decided centrally: reassign this base's applicants on the Admission page instead.",
  ASSIGNED_SPECIALTY_UNKNOWN:
    "The assigned specialty is not in this base's catalogue. Add it to the catalogue first. Nothing was changed.",
  ATTACHMENT_CORRUPT: 'The stored scan is damaged. Please upload it again.',
  ATTACHMENT_EMPTY: 'The scan is an empty file. Scan again or choose another file.',
  ATTACHMENT_MISSING: "The scan's file is missing from the data folder (perhaps deleted). Please upload it again.",
  ATTACHMENT_NOT_IMAGE: 'The ID photo must be a JPEG or PNG image.',
  ATTACHMENT_TOO_LARGE: 'The scan is larger than 10 MB. Lower the scan resolution or compress it, then upload again.',
  ATTACHMENT_TYPE: 'Only JPEG, PNG or PDF scans can be uploaded.',
  ATTACHMENT_UNKNOWN: 'This scan could not be found.',
  AUDIT_CHAIN_BROKEN: 'An audit record does not link to the one before it: the log was altered.',
  AUDIT_HASH_MISMATCH: "An audit record's content does not match its fingerprint: it was altered.",
  AUDIT_HEAD_MISMATCH: 'The latest audit record does not match the recorded head: records were removed or altered.',
  AUDIT_SEQ_GAP: 'Audit records are missing: there is a gap in the numbering.',
  AUDIT_TAMPERED: 'The audit log check failed. See the problems listed.',
  AUTH_FAILED: 'Wrong user name or password.',
  AUTH_LOCKED_OUT:
    'Too many wrong passwords: the account is locked for a while. Try again later, or ask an administrator to reset the password.',
  AUTH_REQUIRED: 'Please sign in first.',
  BAG_BAD_DECLARATION: "The package's bagit.txt declaration is not valid.",
  BAG_FETCH_NOT_ALLOWED: 'The package refers to content to download (fetch.txt). BaseDesk only accepts complete packages.',
  BAG_INFO_INVALID: "The package's bag-info.txt does not follow the BaseDesk format.",
  BAG_MANIFEST_FORMAT: "The package's tag manifest is not in the right format.",
  BAG_MISSING_FILE: 'The package lacks a required file.',
  BAG_OXUM: "The package's declared size and file count do not match its content.",
  BAG_PAYLOAD_DIGEST: 'A file in the package does not match its recorded fingerprint: it was changed or damaged.',
  BAG_PAYLOAD_MISSING: "A file listed in the package's manifest is missing (deleted or renamed).",
  BAG_PAYLOAD_NOT_IN_MANIFEST: 'A file in the package is not in its manifest: it was added after signing.',
  BAG_TAG_DIGEST: 'A package description file was changed after signing.',
  BAG_TAG_NOT_COVERED: 'A package description file is not covered by the signature, so its origin cannot be confirmed.',
  BUNDLE_CHAIN_BROKEN:
    'A record in the scoring bundle does not match its chain: content was changed or is missing. Refused; nothing was written.',
  BUNDLE_FORK: "This scoring device's records differ from those imported before: the device was reset or tampered with. Refused.",
  BUNDLE_FORMAT: 'This is not a BaseDesk offline scoring file or scoring bundle.',
  BUNDLE_NEWER_VERSION:
    'The scoring bundle comes from a newer version of BaseDesk. Upgrade BaseDesk here first, then import it; keep the bundle safe.',
  BUNDLE_OWN_STATION: "This is this computer's own scoring bundle; there is no need to import it.",
  BUNDLE_SIGNATURE_INVALID: "The scoring bundle's signature is not valid.",
  BUNDLE_TRUNCATED:
    "The file is incomplete or damaged (perhaps cut short while copying). Export it again from the interviewer's computer.",
  CANDIDATE_ABSENT: 'This candidate is marked absent and cannot be scored.',
  CANDIDATE_DUPLICATE: 'A candidate is listed twice.',
  CANDIDATE_HAS_SCORES:
    'This candidate already has scores and cannot be marked absent. If really absent, the panel head should check and handle it.',
  CANDIDATE_NOT_CONFIRMED:
    'Some candidates have not passed on-site confirmation and cannot be interviewed: confirm them first or remove them from the list. The session was not created.',
  CANDIDATE_NOT_IN_SESSION: 'This candidate is not in this interview session.',
  CANDIDATE_UNKNOWN: "This candidate is not in this year's roster.",
  CATALOGUE_CODE_TAKEN: 'This specialty code is already in use.',
  CATALOGUE_EXISTS: 'Another specialty already has this name.',
  COMPONENT_DUPLICATE_KEY: 'Two assessment components have the same key. Give them different keys.',
  COMPONENT_KEY_EMPTY: 'An assessment component has no key. Please fill it in (for example written).',
  CONFIRM_ALREADY_DECIDED:
    'This applicant already has a confirmation decision. To change it, reopen the confirmation with a reason first. Nothing was confirmed.',
  CONFIRM_CHECKLIST_UNRECORDED:
    'The document check has not been recorded, so this applicant cannot be confirmed. Check each item at the confirmation desk. Nothing was confirmed.',
  CONFIRM_DOCUMENTS_MISSING: 'Required documents are still missing, so this applicant cannot be confirmed.',
  CONFIRM_NOT_DECIDED: 'This applicant has no confirmation decision yet, so there is nothing to reopen.',
  CONFIRM_OVERRIDE_ONLY_CONFIRMED:
    'Overriding eligibility rules only applies to "confirmed"; returning for correction or refusing needs no override.',
  CONFIRM_OVERRIDE_REASON_REQUIRED:
    'Overriding an eligibility rule needs a reason (for example which certificate was checked). It is written to the audit log.',
  CONFIRM_REASON_REQUIRED:
    'This decision needs a reason (for example which document is missing or which condition is not met). It is printed on the receipt.',
  CONFIRM_RULES_FAILED:
    'The applicant does not meet the eligibility rules. Override them with a reason only if the evidence was checked.',
  CONTACT_EMAIL_FORMAT: 'The email address is not valid. Enter an address such as name@example.com.',
  CONTACT_PHONE_FORMAT: 'The phone number is not valid: enter an 11-digit mainland mobile number starting with 13 to 19.',
  CONTACT_PHONE_REQUIRED: 'The phone number is required and cannot be cleared. Enter an 11-digit mobile number.',
  CONTACT_REASON_REQUIRED: 'Correcting contact details needs a reason.',
  CONTACT_UNCHANGED: 'The contact details are the same as those recorded; there is nothing to correct.',
  DATE_FORMAT: 'The date is empty or not valid. Use YYYY-MM-DD.',
  DB_ALREADY_ENCRYPTED: 'The database is already encrypted.',
  DB_BUSY: 'The database is in use by another program. Try again shortly.',
  DB_CHECK_FAILED: 'The database check failed. Restore the latest backup from the backups folder.',
  DB_CIPHER_UNAVAILABLE:
    'This SQLite component cannot encrypt the database, so it will not be opened, to protect personal data. Reinstall BaseDesk.',
  DB_CORRUPT: 'The database lacks data needed for searching. Run the database check or restore a backup.',
  DB_ENCRYPT_VERIFY_FAILED:
    'The encrypted database failed its check, so encryption was abandoned and the original database is unchanged. Run the database check and try again.',
  DB_IN_USE:
    'The database is in use by another BaseDesk program and cannot be encrypted. Close the desktop app, basedesk serve and other command windows, then try again. No data was changed.',
  DB_KEY_FILE_MISSING:
    'The database key file is missing; the encrypted database cannot be opened without it. Restore the file from a backup (it belongs in the same folder as the database).',
  DB_KEY_FORMAT: 'The database key has the wrong length. Check whether the key file was changed.',
  DB_KEY_REQUIRED: 'The database is encrypted: its passphrase is needed to open it.',
  DB_PASSPHRASE_MISMATCH:
    'The two database passphrases typed differ; nothing was created. Run it again and type the same passphrase twice.',
  DB_KEY_WRONG:
    'The database key is wrong. Check that the passphrase and key file belong to this data folder; otherwise restore a backup.',
  DB_NOT_ENCRYPTED: 'The database is not encrypted yet, so there is no passphrase to change. Encrypt it first.',
  DB_NOT_FOUND:
    'There is no database in the data folder yet. New data folders are encrypted from the start; this step is not needed.',
  DB_NOT_SQLITE: 'The data file is not a BaseDesk database. Check the data folder, or restore a backup.',
  DB_PASSPHRASE_WEAK: 'The database passphrase is too weak. Choose a longer one that is harder to guess.',
  DB_TOO_NEW:
    'This database was written by a newer version of BaseDesk. Upgrade BaseDesk to open it; this version will not change it.',
  DEPT_DUPLICATE: 'A department with this name already exists.',
  DEPT_IMPORT_REJECTED: 'The department list has problems; no department was imported.',
  DEPT_NOT_FOUND: 'This department could not be found.',
  EXAM_ALREADY_PASSED:
    'This trainee has passed both completion exam subjects and the results are still valid; no need to register again.',
  EXAM_CALENDAR_EXISTS:
    'This year already has an exam calendar for this base. Edit it item by item; it cannot be overwritten by copying.',
  EXAM_CALENDAR_INVALID: 'The calendar has errors and was not saved.',
  EXAM_CALENDAR_SOURCE_UNKNOWN: 'There is no such calendar to copy. Choose one from the list.',
  EXAM_CANDIDATE_EXISTS: 'This trainee is already a candidate for that year. Edit the existing entry instead.',
  EXAM_CANDIDATE_WITHDRAWN: 'This candidate was withdrawn. Restore the candidate before reviewing.',
  EXAM_CERT_DUPLICATE: 'This certificate number is already recorded for another trainee. Please check it.',
  EXAM_CHECK_NOT_APPLICABLE: "This review item does not apply to this trainee's programme in that year's calendar.",
  EXAM_LATE_REASON_REQUIRED: 'The deadline has passed: recording this now needs a reason.',
  EXAM_MATERIAL_UNKNOWN: 'Some items are not on the materials list.',
  EXAM_NOT_APPROVED: 'Online registration can only be recorded after the eligibility review is approved.',
  EXAM_NOT_CANDIDATE:
    'This trainee is not a completion exam candidate for that year. Generate the candidates first, or add the trainee by hand.',
  EXAM_NOT_ELIGIBLE: 'Some review items have not passed, so the review cannot be approved.',
  EXAM_NOT_PASSED:
    'This trainee has not passed both the theory and the clinical skills exams (or a pass has expired), so no certificate can be recorded.',
  EXAM_NO_CALENDAR:
    "There is no completion exam calendar for that year. Enter it from the year's notice (you can copy a built-in calendar and edit it).",
  EXAM_PROGRAM_NOT_IN_CALENDAR: "That year's exam calendar does not include this trainee's programme.",
  EXAM_REASON_REQUIRED: 'This decision needs a reason.',
  EXAM_RESULTS_NO_HEADER:
    'No results header was found in the file: it needs an "ID number" column and either "subject" and "result" columns or result columns for theory and clinical skills.',
  EXAM_RESULTS_REJECTED: 'The file has problems, so no results were imported. Fix them and import again.',
  EXAM_SUBJECT_NOT_TAKEN: 'This candidate does not sit this subject (retakers register only for the subjects they failed).',
  EXAM_SUMMARY_EMPTY: 'No candidate has been approved for that year, so there is no registration summary to make.',
  EXAM_SUMMARY_TEMPLATE_INVALID: "The summary table's column settings have errors and were not saved.",
  EXAM_TRAINING_NOT_ENDED:
    "This trainee's rotation plan has not ended yet; complete the remaining rotations before recording the certificate.",
  FILE_CORRUPT: 'The file is damaged or is not a valid Excel workbook. Open it in Excel, "Save As" .xlsx, and import again.',
  FILE_EMPTY: 'The file is empty. Check that it is the right file and that it was saved.',
  FILE_ENCRYPTED:
    'The file is password-protected and cannot be read. Remove the password in Excel, save as .xlsx and import again.',
  FILE_NOT_FOUND: 'The file could not be read. Check its name and location.',
  FILE_TOO_LARGE: 'The file is too large. Remove unneeded sheets or columns, or split it into several files.',
  FILE_TOO_MANY_CELLS: 'The file has too many cells. Remove unneeded sheets or columns, or split it into several files.',
  FILE_TOO_MANY_ROWS: 'A sheet in the file has too many rows. Split it into several files.',
  FILE_TRANSFER_CORRUPT: 'The file was damaged in transfer. Choose the file again.',
  FILE_UNSUPPORTED:
    'This file format cannot be read. Import an Excel workbook (.xlsx) or a CSV file (.csv); old .xls files must be saved as .xlsx first.',
  FILE_WRITE_FAILED: 'The file could not be written. Check the folder and free space.',
  FILE_ZIP_BOMB: 'The file expands to an unusually large size, so it was refused for safety.',
  FORBIDDEN: 'Your role may not do this.',
  HTTP_BAD_HOST: 'Access refused: wrong host name.',
  HTTP_BAD_JSON: 'The request was not valid JSON.',
  HTTP_BAD_URL: 'The request address is not valid.',
  HTTP_HOST_NOT_LOOPBACK:
    'Refusing to listen on a network address: other computers on the network could read this data over plain HTTP. Remove --host for local use, or add --allow-lan if network access is really needed.',
  HTTP_METHOD: 'The API only accepts POST requests.',
  HTTP_TOKEN: 'The access token is not valid. Open the full address printed by basedesk serve.',
  ID_BIRTHDATE: 'The birth date inside the ID number is not a valid date. Please check the number.',
  ID_CHECKSUM: "The ID number's check digit is wrong (a digit may be mistyped or two swapped). Compare it with the ID card.",
  ID_EXCEL_NUMBER: 'Excel stored this ID number as a number, so its last digits are lost and cannot be recovered from this file.',
  ID_FORMAT: 'The ID number is empty or not in a valid format.',
  ID_LEGACY_15:
    'This is an old 15-digit ID number (issued before 1999) that is no longer in use. Enter the current 18-digit number.',
  ID_NUMBER_REQUIRED: 'No ID number was read from standard input: give it on the line after the password.',
  INPUT_JSON: 'Standard input is not valid JSON. Nothing was entered.',
  INPUT_MISSING: "Give the applicant's details as JSON on standard input (never put ID numbers on the command line).",
  INTERNAL: 'Something went wrong inside the program. No data was changed; please tell the administrator.',
  INVALID_INPUT: 'Some input is not valid. Please check it.',
  IPC_UNTRUSTED_SENDER: 'A call from a page outside the app was refused.',
  ITEM_UNKNOWN: "This scoring item is not on this session's score sheet.",
  JSON_NOT_CANONICAL:
    'A value cannot be written into the data package. Convert it to text, a number, true/false or a plain list first.',
  KEY_FORMAT:
    'The signing key file is not in the right format, or does not match its public key. Choose the key file exported by BaseDesk.',
  KEY_ID_CONFLICT: 'A trusted public key has the same key number but different content. Check where the new key came from.',
  KEY_IS_OWN: "This is the base's own signing public key; it does not need to be trusted separately.",
  KEY_KEYCHAIN_DECRYPT:
    'The system keychain cannot open the signing key (the computer or user account may have changed). Use the original computer, or replace the signing key.',
  KEY_KEYCHAIN_UNAVAILABLE:
    'The system keychain is not available, so the signing key cannot be stored safely. Sign in to a desktop session with a keychain, or set a passphrase.',
  KEY_NONE_TRUSTED: "There is no public key to verify with yet. Import the sender's minisign public key first.",
  KEY_NOT_FOUND: 'This signing key could not be found.',
  KEY_NO_RECIPIENT:
    "The provincial recipient's age public key has not been imported, so the package cannot be encrypted. Import it on the Keys page first.",
  KEY_PASSPHRASE_EMPTY: 'The passphrase cannot be empty. Set a passphrase to protect the signing key.',
  KEY_PASSPHRASE_WEAK: 'The signing key passphrase is too weak. Choose a longer one that is harder to guess.',
  KEY_PASSPHRASE_WRONG: 'Wrong passphrase for the signing key. Check Caps Lock and the input method, then try again.',
  KEY_PROTECTOR_MISSING:
    'The signing key passphrase is needed: this computer has no system keychain. Enter the passphrase and try again.',
  KEY_SEAL_UNAVAILABLE:
    'The signing key was protected in a way not available on this computer. Unlock it where it was created, or replace the signing key.',
  MAX_NOT_POSITIVE: 'The full mark must be a number greater than 0 with at most two decimals.',
  METHOD_NOT_ALLOWED: 'This request method is not allowed.',
  NOT_FOUND: 'Not found.',
  NOT_ON_PANEL: "This user is not on this session's panel and cannot enter scores.",
  NOT_PANEL_HEAD: "Only the panel head or the coordinator can print the panel's results sheet.",
  NOT_SIGNED: 'This candidate has not been signed off yet; the scores can be changed directly without reopening.',
  NO_CONFLICT: 'This scoring item has no conflict to resolve.',
  NUMBER_NOT_DECIMAL: 'This is not a valid number. Enter a number such as 100 or 87.5.',
  OUTBOX_BUSY: 'Packages are being sent right now. Wait until this round of sending ends.',
  OUTBOX_ENDPOINT_INSECURE:
    'The receiving address uses unencrypted http://, so packages and receipts would travel in plain text. Use an https:// address.',
  OUTBOX_ENDPOINT_INVALID:
    'The receiving address is not valid: it should be a web address starting with http:// or https://, without user name, password, ? or #.',
  OUTBOX_EXPORT_CORRUPT:
    'The package copied to the folder does not check out (the USB drive may be damaged or full). Try another drive.',
  OUTBOX_EXPORT_EXISTS:
    'The target folder already holds a different file with the same name; it was not overwritten. Choose another folder.',
  OUTBOX_FILE_MISSING:
    'The package file is missing from the outbox folder (perhaps deleted by hand). Build that kind of package again.',
  OUTBOX_FILE_PURGED:
    "This package's file was removed under the retention period (it was delivered; its number, checksum and receipt are kept). Build that kind of package again to resubmit.",
  OUTBOX_NOT_DELIVERED: 'A package was not delivered. See its status in the outbox.',
  OUTBOX_NOT_FOUND: 'This package is not in the outbox.',
  OUTBOX_NOT_REJECTED: 'Only packages the recipient rejected need to be queued again.',
  OUTBOX_NOT_SENDABLE: 'This package cannot be sent in its current state. A rejected package must be queued again first.',
  OUTBOX_NO_ENDPOINT:
    'No provincial receiving address is set, so nothing can be sent online. Set the address in the outbox, or export to a folder or USB drive.',
  OUTBOX_NO_INTAKE_KEY:
    "The recipient's receipt key has not been registered, so delivery could not be confirmed; nothing was sent. Import the recipient's public key from the province first.",
  OUTBOX_TOO_LARGE_TO_DOWNLOAD:
    'This package is too large to download in the app. Export it with the command basedesk outbox export.',
  PANEL_DUPLICATE_INTERVIEWER: 'An interviewer has two score sheets. Delete one of them.',
  PANEL_DUPLICATE_ITEM: 'A scoring item appears twice. Check the scoring scheme.',
  PANEL_NO_ITEMS: 'The interview score sheet has no items. Set the items in the scoring scheme first.',
  PANEL_NO_SHEETS: 'No interviewer has entered scores yet.',
  PANEL_UNKNOWN_ITEM: 'A score sheet contains an item that is not in the scoring scheme.',
  PASSWORD_REQUIRED:
    'A password is needed: set it in the environment variable or give it on standard input (never on the command line).',
  PASSWORD_WEAK: 'The password is too weak. Choose a longer one that is harder to guess.',
  PHONE_FORMAT: 'The phone number is empty or not valid.',
  PKG_ATTACHMENT_MISSING: 'An attachment file could not be found or read.',
  PKG_BUILD_FAILED:
    'The package could not be built. Make sure attachments were not moved or changed and there is enough disk space, then try again.',
  PKG_CORRUPT: "The package's ZIP directory is damaged. Get the complete file again.",
  PKG_DECRYPT_FAILED: "The package could not be decrypted with this computer's key.",
  PKG_DIRECTORY_ENTRY: 'A folder entry in the package carries content not protected by the manifest; the package is refused.',
  PKG_DUPLICATE_ENTRY: 'A file appears more than once in the package.',
  PKG_EMPTY: 'There is nothing to submit for this package kind yet. Enter the data first.',
  PKG_ENCRYPTED_NO_IDENTITY:
    "The package is encrypted, but this computer has no decryption key. Import this unit's private key first.",
  PKG_INPUT_INVALID: 'The package cannot be built from this input.',
  PKG_KIND_NOT_READY: 'This kind of package cannot be built yet: the data it needs is not available in this version.',
  PKG_KIND_UNKNOWN: 'Unknown package kind.',
  PKG_LINK: 'The package contains a link; links are not allowed.',
  PKG_NOT_FOUND: 'The package file could not be found.',
  PKG_NOT_ZIP: 'This is not a ZIP package. Choose a package file made by BaseDesk.',
  PKG_REJECTED: 'The package was rejected.',
  PKG_REPLAY_DIFFERENT:
    'A package with this number was received before with different content. Build a package with a new number to correct it.',
  PKG_SEQUENCE_BACKWARDS: "The package's sequence number is lower than one received before.",
  PKG_SPECIAL_FILE: 'The package contains a device or pipe file; these are not allowed.',
  PKG_TOO_LARGE: 'The package is larger than the allowed limit.',
  PKG_TRUNCATED: 'The package is incomplete (download or copy interrupted). Get the complete file again.',
  PKG_UNSAFE_PATH: 'A file name in the package is unsafe or not valid.',
  PKG_UNSUPPORTED_ENTRY: 'A file in the package uses ZIP encryption or an unsupported compression method.',
  PKG_UUID_MISMATCH: 'The package number given at upload does not match the number inside the package.',
  PKG_ZIP_BOMB: 'A file in the package expands unusually far; it was refused for safety.',
  PLAN_BASE_COLUMN_REQUIRED: "The file lists several bases and none matches this base's name. Choose this base's column.",
  PLAN_BASE_COLUMN_UNKNOWN: 'The file has no column with that name.',
  PLAN_CATEGORY_REQUIRED: 'This row needs an applicant category.',
  PLAN_CODE_NAME_MISMATCH: 'The specialty code and name in this row do not match.',
  PLAN_DROPS_CHOSEN_SPECIALTY: 'The new plan drops specialties that applicants chose. Map them to another specialty first.',
  PLAN_DUPLICATE_ROW: 'This specialty appears in more than one row.',
  PLAN_EMPTY: "The file has no quotas (this base's column or rows are empty).",
  PLAN_INVALID: 'The plan has problems, so nothing was imported.',
  PLAN_LIST_NEEDS_PROGRAM:
    'A plan listed by base has no specialty column and only fits single-programme presets. Use a plan with a "specialty" column.',
  PLAN_MAPPING_UNKNOWN_CODE: 'The specialty code to map to is not in the specialty catalogue.',
  PLAN_NO_HEADER:
    'No intake plan header was found. Supported: a specialty × base matrix, a list of bases with quotas, or a table of specialty, category and quota.',
  PLAN_POOL_INSUFFICIENT: 'Not enough seats left in "Other (to allocate)".',
  PLAN_QUOTA_NEGATIVE: 'A quota cannot be negative.',
  PLAN_QUOTA_NOT_INTEGER: 'A quota must be a whole number.',
  PLAN_QUOTA_NOT_NUMBER: 'A quota is not a number.',
  PLAN_REPLACE_NEEDS_CONFIRMATION: 'Nothing was imported. To replace the plan, confirm and give a reason.',
  PLAN_UNKNOWN_CATEGORY: "This applicant category is not in the province's preset.",
  PLAN_UNKNOWN_SPECIALTY: 'Some specialty names are not in the specialty catalogue.',
  PRESET_UNKNOWN: 'There is no such province preset.',
  RANK_BAD_MANUAL_ORDER: 'A manual ranking value is not a number.',
  RANK_BAD_SCORE: 'A component score is not valid. Check the scores.',
  RANK_BAD_TOTAL: 'A total score is not valid. Check the scores.',
  RANK_DUPLICATE_ID: 'A candidate appears twice. Check the score sheet.',
  RANK_GROUP_UNKNOWN: 'This specialty has no candidates.',
  RANK_NOT_TIED:
    'Manual order is only for candidates tied on the total and every tie-break rule; the selected candidates are not one tied group.',
  REASON_REQUIRED: 'Changing a role needs a reason (for example the staffing notice). It is written to the audit log.',
  RECEIPT_NOT_FOUND: 'There is no receipt for this package.',
  REDUCTION_AGP_NONE: 'Assistant GP training has no reduction of training years. Nothing was changed.',
  REDUCTION_APPLICANT_NOT_FOUND: 'No applicant of that year has this ID number. Please check it.',
  REDUCTION_BAD_MONTHS: 'Months must be whole half months (rotations are counted in half months).',
  REDUCTION_EXPERIENCE_DATES: 'The start date is after the end date. Nothing was changed.',
  REDUCTION_EXPERIENCE_NOT_ACCEPTABLE: 'This experience cannot be recognised.',
  REDUCTION_EXPERIENCE_NOT_FOUND: 'This clinical experience no longer exists (perhaps deleted). Refresh.',
  REDUCTION_FORM_EMPTY: 'No clinical experience has been recorded yet, so the recognition form is empty.',
  REDUCTION_FORM_NOT_APPLICABLE: "This form belongs to another province's notice; this base's province has no such form.",
  REDUCTION_MAKEUP_DUPLICATE: 'A department appears more than once. Merge it into one row.',
  REDUCTION_MAKEUP_MISSING:
    'The approval grants a reduction: enter the training to make up (departments and months), so the rotation plan can cover it.',
  REDUCTION_MAKEUP_TOO_LONG:
    'The training to make up is longer than the training time left after the reduction. Check the approval form.',
  REDUCTION_MONTHS_NOT_YEARS:
    'Reductions are recorded in whole years (12 or 24 months). Check the approval form. Nothing was changed.',
  REDUCTION_NOT_ENROLLED: 'This person is not enrolled as a trainee yet; hand over to rotation planning after enrolment.',
  REDUCTION_NO_OUTCOME:
    'No approved reduction is recorded for this person, so there is nothing to hand over to rotation planning.',
  REDUCTION_NO_PROOF: 'No proof has been uploaded for this clinical experience yet.',
  REDUCTION_REASON_REQUIRED:
    'Please give a reason when not recognising an experience; the applicant will use it to add evidence.',
  REDUCTION_REVIEW_LATE: 'The review deadline has passed: give the reason for the late review.',
  REDUCTION_TOO_LONG: 'The reduction cannot be as long as the training itself. Nothing was changed.',
  REDUCTION_YEARS_DIFFER:
    'The trainee roll and the approval form give different training years. Record the provincial result and adjust the roll first.',
  RENDERER_NOT_BUILT: 'The screen files were not found. Build the app first.',
  RETENTION_REASON_REQUIRED: 'Clearing old data needs a reason (preview first with a dry run). Nothing was changed.',
  ROTATION_BAD_DATE: 'The date is not valid.',
  ROTATION_BAD_RANGE: 'The end month is before the start month.',
  ROTATION_BAD_START: 'Rotations start on the 1st or the 16th of a month.',
  ROTATION_BLOCK_NOT_FOUND: 'This rotation block could not be found. Refresh and try again.',
  ROTATION_BLOCK_PAST: 'This rotation block has already started or ended and can no longer be changed.',
  ROTATION_COLUMNS_MISSING: 'The file lacks required columns.',
  ROTATION_EDIT_BREAKS_RULE: 'This change would break a rotation rule. Nothing was saved.',
  ROTATION_EXAM_RECORDED: 'The exit exam for this rotation is already recorded.',
  ROTATION_HALF_MONTH: 'Rotation time is counted in half months.',
  ROTATION_INFEASIBLE: 'No rotation plan can be made with these rules and capacities.',
  ROTATION_LEAVE_IN_PAST: 'The leave overlaps a rotation already recorded as served. Correct that record first.',
  ROTATION_NOTHING_TO_EXPORT: 'The selected trainees have no rotation plan yet; there is nothing to export.',
  ROTATION_NO_EXIT_EXAMS: 'There are no finished rotations or exit exams to print yet.',
  ROTATION_NO_PLAN: 'This trainee has no rotation plan yet. Make one first.',
  ROTATION_NO_SCHEME: 'Some trainees have no matching rotation scheme.',
  ROTATION_NO_TRAINEES: 'There are no trainees in training for that intake year; no plan is needed.',
  ROTATION_PLAN_INVALID: 'Some rotation plans break the rules, so they cannot be approved.',
  ROTATION_RANGE_TOO_LONG: 'The department rotation table shows at most 10 years at a time.',
  ROTATION_REASON_REQUIRED: 'This rotation plan is already approved by the base; changing it needs a reason.',
  ROTATION_SHIFT_BEFORE_START:
    'The block cannot be moved that early: earlier rotations have already started or ended. Nothing was changed.',
  ROTATION_SHIFT_PAST_END:
    'The block cannot be moved that far: it would run past the planned end date, and the total length cannot change. Nothing was changed.',
  ROTATION_SPLIT_OUTSIDE: 'The split date must fall inside this rotation block, after its start.',
  ROTATION_SWAP_DATES: 'To swap departments between two trainees, both blocks must have the same dates.',
  ROTATION_SWAP_LENGTH: 'The two blocks have different lengths and cannot be swapped; adjust or split them instead.',
  ROTATION_TRAINEE_NOT_FOUND: 'No trainee has this ID number. Please check it.',
  SCHEME_IMPORT_REJECTED: 'The rotation scheme has problems; nothing was imported.',
  SCORES_APPLICANT_NOT_FOUND: 'No applicant of that year has this ID number. Please check it.',
  SCORES_IMPORT_REJECTED: 'The file has problems, so no scores were written. Fix the file as reported and import again.',
  SCORES_NOT_EXAMINED: 'This applicant was not confirmed and has no scores, so is not on the list for the provincial platform.',
  SCORES_PLATFORM_EMPTY: 'No applicant of that year is confirmed or has scores; there is nothing to export.',
  SCORES_RESULT_BY_RULE:
    "Results are decided by the province's rule and cannot be recorded person by person. Nothing was changed.",
  SCORES_SORT_UNKNOWN: 'There is no such assessment component to sort by. Refresh the page and try again.',
  SCORE_CONFLICT: 'This candidate already has an interview score imported from a file. Resolve which score stands first.',
  SCORE_CONFLICT_UNRESOLVED:
    'This item has two different scores from different devices. The panel head must resolve the conflict with a reason first.',
  SCORE_FILE_HEADER: 'No header was found in the file: it needs an "ID number" column and at least one score column.',
  SCORE_LOCKED:
    'The panel head has signed off this candidate, so the scores are locked. To correct them, the panel head must reopen with a reason.',
  SCORE_NOT_NUMBER: 'The score is empty or not a number. Enter a score with at most two decimals, or "absent".',
  SCORE_OUT_OF_RANGE: 'The score is out of range. Check it and enter it again.',
  SCORE_TOO_PRECISE: 'The score has too many decimals: at most two (such as 87.25).',
  SCORE_UNKNOWN_COMPONENT: 'The scores include a component that is not in the scoring scheme.',
  SESSION_DUPLICATE_ITEM: 'Two scoring items have the same key. Please change one.',
  SESSION_DUPLICATE_MEMBER: 'An interviewer is listed twice.',
  SESSION_FILE_FORMAT:
    "The offline scoring file is not in the right format (content missing or changed). Export it again on the coordinator's computer.",
  SESSION_FILE_OWN_STATION: "This offline scoring file was exported from this computer; import it on the interviewer's computer.",
  SESSION_HEAD_REQUIRED: 'The panel must have exactly one head.',
  SESSION_ITEMS_MAX_MISMATCH: "The items' full marks do not add up to the interview's full mark. Adjust the items.",
  SESSION_LOCKED: 'Locked after a period of inactivity. Enter your password again.',
  SESSION_NOT_LOCAL:
    "This session was imported from an offline scoring file; it can only be exported on the coordinator's computer.",
  SESSION_NO_INTERVIEW_COMPONENT: "This year's assessment has no interview component. Add it first.",
  SESSION_UNKNOWN: 'This interview session does not exist.',
  SESSION_UNKNOWN_USER: 'A panel member does not exist or is disabled. Add the interviewer in user management first.',
  SETUP_ALREADY_DONE:
    "First-time setup is already done. To change the base's details, sign in as an administrator and use Base settings.",
  SETUP_REQUIRED: 'Not set up yet: run basedesk init to create the base and the administrator.',
  SIGNOFF_NOT_HERE:
    'Scores cannot be signed off on an offline scoring device. Bring the scoring bundle back to the coordinator; the panel head signs off there.',
  SIGNOFF_NOT_READY: 'This candidate cannot be signed off yet.',
  SIG_FORMAT: 'The signature is not in the right format. Ask the sender to build the package again.',
  SIG_INVALID: "The package's signature is not valid: it was changed after signing.",
  SIG_MISMATCH_BAGINFO: 'The base code, type or sequence in the signature does not match the package.',
  SIG_MISMATCH_UUID: 'The package number in the signature does not match the package.',
  SIG_MISSING: 'The package has no signature, so its origin cannot be confirmed. Ask the sender to build it again with BaseDesk.',
  SIG_UNKNOWN_KEY: 'The package was signed with a key that is not trusted here.',
  SPECIALTY_UNKNOWN: 'This specialty code is not in the specialty catalogue.',
  STATION_ALREADY_ASSIGNED:
    'This computer is already prepared for another interviewer in this session; another scoring file cannot be imported.',
  STATION_INTERVIEWER_MISMATCH: "The scoring bundle contains another interviewer's scores. Refused.",
  STATION_KEY_INVALID:
    "This computer's scoring device key cannot be read. Import the offline scoring file from the coordinator again.",
  STATION_KEY_MISMATCH: "The scoring bundle's signing key belongs to another interviewer or session. Refused.",
  STATION_KEY_UNKNOWN: "The scoring bundle's signing key is not registered here. Check where it came from.",
  STATION_NOT_ASSIGNED: 'This computer is prepared for several sessions. Choose the session to export.',
  STATION_OTHER_INTERVIEWER: "This computer is prepared for another interviewer and cannot record this interviewer's scores.",
  STORED_JSON_INVALID: 'Some stored data cannot be read and may be damaged. Run the database check or restore a backup.',
  TRAINEES_COHORT_NOT_CURRENT:
    "Enrolment is recorded for the current intake year only. Import earlier trainees from the provincial platform's list.",
  TRAINEES_COLUMNS_MISSING: 'The file lacks required columns.',
  TRAINEES_IMPORT_REJECTED: 'The file has problems, so the list was not imported. Fix them and import again.',
  TRAINEES_NO_HEADER:
    'No trainee header was found (at least "name" and "ID number" columns are needed). Check the file, or export the list again from the provincial platform.',
  TRAINEE_BAD_DATE: 'The date is not valid or is earlier than allowed. Please check it.',
  TRAINEE_BAD_MONTHS: 'The months are not valid: rotations are counted in half months and cannot exceed the training years.',
  TRAINEE_MUST_SERVE_DUPLICATE: 'A department appears more than once. Merge it into one row.',
  TRAINEE_NOT_FOUND: 'No trainee with this ID number is on the roll. Please check it.',
  TRAINEE_NOT_IN_TRAINING: 'This trainee is no longer in training.',
  TRAINEE_NOT_REDUCED: "This trainee's training years were not reduced; the full scheme applies and nothing needs recording.",
  TRAINEE_STATUS_TRANSITION: "The trainee's status cannot change directly to this one.",
  TRAINEE_STATUS_UNCHANGED: 'The trainee already has this status.',
  TRAINEE_TRANSFER_UNCHANGED: 'The trainee is already there; nothing to transfer.',
  TRAINEE_UNKNOWN_SPECIALTY: "This specialty is not in this base's catalogue. Check the name or code.",
  TRANSPORT_OFFLINE: 'Cannot reach the BaseDesk service.',
  UNKNOWN_CATEGORY: "This applicant category is not in the province's preset.",
  UNKNOWN_OP: 'Unknown operation.',
  UPLOAD_ABORTED: 'Upload cancelled. The package stays in the queue and will resume next time.',
  UPLOAD_BAD_INPUT: 'The package checksum is not in the right format.',
  UPLOAD_FAILED: 'Sending failed. The package stays in the outbox.',
  UPLOAD_FILE_MISSING: 'The package file to send is missing. Build the package again.',
  UPLOAD_FILE_UNREADABLE: 'The package file to send could not be read.',
  UPLOAD_HASH_MISMATCH: 'The received file does not match its declared checksum.',
  UPLOAD_NO_RECEIPT:
    'The server did not return a valid receipt (perhaps a Wi-Fi login page or another site answered). The package stays in the queue; check the network and retry.',
  UPLOAD_OFFLINE: 'The upload stalled and the connection may be lost. The package stays in the queue and will resume later.',
  UPLOAD_RECEIPT_MISMATCH:
    'The receipt does not match this package, so it cannot count as delivered. The package stays in the queue; contact the recipient.',
  UPLOAD_RECEIPT_SIGNATURE:
    "The receipt was not signed by the registered recipient key, so it cannot count as delivered. Check the receiving address or the recipient's public key.",
  UPLOAD_RECEIPT_UNSIGNED:
    'The receipt has no recipient signature, so it cannot count as delivered. Check the receiving address.',
  UPLOAD_RESUME_STORE: 'The record for resuming the upload could not be read.',
  USAGE: 'The command was not used correctly. See --help.',
  USER_BAD_ROLE: "This user's role is not valid.",
  USER_DISABLED: 'This account is disabled. Ask an administrator.',
  USER_EXISTS: 'This user name is already taken. Choose another.',
  USER_LAST_ADMIN: 'This is the last active administrator: it cannot be disabled or given another role.',
  USER_NOT_FOUND: 'This user could not be found.',
  USER_SELF_DEMOTE: 'You cannot disable yourself or remove your own administrator role; ask another administrator.',
  USE_MARK_ABSENT: 'For an absent candidate use "Mark absent" (once per candidate); do not type it into a scoring item.',
  WEIGHTS_NOT_100: 'The component weights must add up to exactly 100. Adjust them.',
  WEIGHT_NEGATIVE: 'A weight must be a number of at least 0.',
  WINDOWS_EXIST:
    'This year already has intake windows for this base. Edit them one by one; they cannot be overwritten by copying.',
  WINDOWS_INVALID: 'The time windows have errors and were not saved.',
  WINDOWS_NONE: 'There are no intake windows for this year yet. Copy them from another year first.',
  WINDOWS_SOURCE_UNKNOWN: 'There are no such time windows to copy. Choose from the list.',
};

export const errorsDetailed: Record<string, string> = {
  ADMISSION_OVER_QUOTA:
    'Only {{seatsLeft}} seat(s) are left here; admitting {{admitting}} would exceed the quota. If this is approved, tick "over-quota approval" and give the reason. Nothing was changed.',
  ADMISSION_TIES_OPEN:
    '{{count}} tie(s) at the last seat still wait for a decision, so the list cannot be published yet. Decide the ties first.',
  AUTH_LOCKED_OUT:
    'Too many wrong passwords: the account is locked. Try again in {{minutes}} minutes, or ask an administrator to reset the password.',
  FILE_CORRUPT:
    'The file "{{fileName}}" is damaged or is not a valid Excel workbook. Open it in Excel, "Save As" .xlsx, and import again.',
  FILE_EMPTY: 'The file "{{fileName}}" is empty. Check that it is the right file and that it was saved.',
  FILE_ENCRYPTED:
    'The file "{{fileName}}" is password-protected and cannot be read. Remove the password in Excel, save as .xlsx and import again.',
  FILE_TOO_LARGE: 'The file "{{fileName}}" is too large. Remove unneeded sheets or columns, or split it into several files.',
  FILE_TOO_MANY_CELLS:
    'The file "{{fileName}}" has too many cells. Remove unneeded sheets or columns, or split it into several files.',
  FILE_TOO_MANY_ROWS: 'The sheet "{{sheet}}" of "{{fileName}}" has more than {{maxRows}} rows. Split it into several files.',
  FILE_UNSUPPORTED:
    'The format of "{{fileName}}" cannot be read. Import an Excel workbook (.xlsx) or a CSV file (.csv); old .xls files must be saved as .xlsx first.',
  FILE_ZIP_BOMB: 'The file "{{fileName}}" expands to an unusually large size, so it was refused for safety.',
  INVALID_INPUT: 'Some input is not valid: {{fields}}. Please check it.',
  MAX_NOT_POSITIVE: 'The full mark "{{max}}" is not valid: it must be a number greater than 0 with at most two decimals.',
  PLAN_CATEGORY_REQUIRED: 'Row {{row}}: an applicant category is needed.',
  PLAN_CODE_NAME_MISMATCH: 'Row {{row}}: the specialty code and name do not match.',
  PLAN_DUPLICATE_ROW: 'Row {{row}}: this specialty appears in more than one row.',
  PLAN_POOL_INSUFFICIENT: 'Only {{available}} seat(s) are left in "Other (to allocate)".',
  PLAN_QUOTA_NEGATIVE: 'Row {{row}}: a quota cannot be negative.',
  PLAN_QUOTA_NOT_INTEGER: 'Row {{row}}: a quota must be a whole number.',
  PLAN_QUOTA_NOT_NUMBER: 'Row {{row}}: the quota is not a number.',
  PLAN_UNKNOWN_CATEGORY: "Row {{row}}: this applicant category is not in the province's preset.",
  USER_EXISTS: 'The user name "{{username}}" is already taken. Choose another.',
};

export const errorSupport = { code: 'Code for support: {{code}}' };

export const errorMessages = { errors, errorsDetailed, errorSupport };
