-- An NTPN is used once nationally among *live* payments. The index of 0012 made it unique among
-- all non-reversal rows, so a payment recorded with a wrong date or bank, or on the wrong billing,
-- could be reversed but its NTPN never recorded again: the billing stayed unpaid for good. The
-- rule is now enforced where the payment is written (under a lock on the NTPN, in the writing
-- transaction); the index stays for the lookup.
DROP INDEX pnbp_payment_ntpn_idx;
CREATE INDEX pnbp_payment_ntpn_idx ON pnbp_payment (ntpn);
