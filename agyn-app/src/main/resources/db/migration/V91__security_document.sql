-- The document of an award's security (issue 15): the number of the pledge agreement or of the guarantee
-- contract. Encrypted like the pledge's address: a notarial register number leads to the property and its owner.
ALTER TABLE reg_security ADD COLUMN document_enc bytea;
