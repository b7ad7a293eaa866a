-- Each published plan in its own row, with its own content version, so a client fetches only the plans that
-- changed (GET /api/plans/manifest, GET /api/plans/:id). plan_data stays: it is the whole data set that older
-- clients read from GET /api/plans, rebuilt from these rows on every publish.
create table published_plans (
  id text primary key,
  -- Publishing order; the manifest and GET /api/plans list plans in it.
  position int not null,
  -- First 12 hex digits of the sha256 of body: the plan's version and (quoted) its ETag.
  version text not null,
  body text not null,
  updated_at timestamptz not null default now()
);

create table published_themes (
  id int primary key default 1 check (id = 1),
  version text not null,
  body text not null,
  updated_at timestamptz not null default now()
);

-- Data published before this migration is split into rows. Bodies are jsonb's text of each plan (the same content,
-- keys in jsonb's order); versions hash those bodies, as the server does for the bodies it writes.
insert into published_plans (id, position, version, body)
select p.plan ->> 'id', (p.ord - 1)::int, left(encode(sha256(convert_to(p.plan::text, 'UTF8')), 'hex'), 12), p.plan::text
from plan_data, jsonb_array_elements(body::jsonb -> 'plans') with ordinality as p (plan, ord)
on conflict (id) do nothing;

insert into published_themes (id, version, body)
select 1, left(encode(sha256(convert_to(themes::text, 'UTF8')), 'hex'), 12), themes::text
from (select coalesce(body::jsonb -> 'themes', '[]'::jsonb) as themes from plan_data) as t;
