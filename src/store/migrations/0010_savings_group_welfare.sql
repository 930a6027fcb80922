-- A savings group's welfare is booked by category like a welfare fund's (it went all to 5109,
-- so it could never show three kinds of welfare): its book gets the welfare accounts a new
-- fund of any kind starts with.
WITH welfare (code, name_th, name_en, category) AS (VALUES
    ('5101', 'สวัสดิการคลอดบุตร', 'Welfare: birth', 'birth'),
    ('5102', 'สวัสดิการเจ็บป่วย/นอนโรงพยาบาล', 'Welfare: illness', 'illness'),
    ('5103', 'สวัสดิการผู้สูงอายุ', 'Welfare: elderly', 'elderly'),
    ('5104', 'สวัสดิการเสียชีวิต', 'Welfare: death', 'death'),
    ('5105', 'สวัสดิการคนพิการ/ผู้ด้อยโอกาส', 'Welfare: disability', 'disability'),
    ('5106', 'สวัสดิการการศึกษา', 'Welfare: education', 'education'),
    ('5107', 'สวัสดิการส่งเสริมอาชีพ', 'Welfare: occupation', 'occupation'),
    ('5108', 'สวัสดิการภัยพิบัติ/อุบัติภัย', 'Welfare: disaster and accident', 'disaster')
)
INSERT INTO account (code, name_th, name_en, class, cash_kind, welfare_category, system, created_at)
SELECT w.code, w.name_th, w.name_en, 'expense', NULL, w.category, 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM welfare w
WHERE EXISTS (SELECT 1 FROM fund WHERE kind = 'savings')
  AND NOT EXISTS (SELECT 1 FROM account a WHERE a.code = w.code);
