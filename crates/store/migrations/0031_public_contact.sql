-- How tenants reach a corporation when no group speaks for their address yet: shown on the public page /doe-mee
-- (issue 18). Free text kept by the corporation's administrators (a phone number, an e-mail address, a web page).
ALTER TABLE organisations ADD COLUMN public_contact TEXT;
