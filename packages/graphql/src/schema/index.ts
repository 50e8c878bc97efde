// Only imports: each area file defines its types and its fields.
import "./errors.js";
import "./accounts.js";
import "./users.js";
import "./sessions.js";
import "./two-factor.js";
import "./totp.js";
import "./webauthn.js";
import "./sms.js";
import "./domains.js";
import "./email.js";
import "./nodes.js";
