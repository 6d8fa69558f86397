-- Replicate weights as an alternative sample design (issue 21, decision 0048). A survey declares the type (R's
-- svrepdesign type: JK1, JKn, bootstrap, BRR, Fay) and, optionally, scale, rscales and mse; null replicate_type means
-- no replicate weights (strata and clusters, or weights alone). Each respondent's replicate weights repw_1..repw_R
-- come with the response import and are kept in order.
ALTER TABLE survey
    ADD COLUMN replicate_type    varchar(9) CHECK (replicate_type IN ('JK1', 'JKN', 'BOOTSTRAP', 'BRR', 'FAY')),
    ADD COLUMN replicate_scale   double precision CHECK (replicate_scale > 0),
    ADD COLUMN replicate_rscales double precision[],
    ADD COLUMN replicate_mse     boolean NOT NULL DEFAULT false,
    ADD COLUMN replicate_rho     double precision CHECK (replicate_rho > 0 AND replicate_rho < 1);

ALTER TABLE survey_respondent ADD COLUMN replicate_weights double precision[];
