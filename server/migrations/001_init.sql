-- Accounts are created by `npm run user -- add`; there is no self sign-up.
create table users (
  id bigserial primary key,
  name text not null unique,
  unit text not null,
  is_admin boolean not null default false,
  -- scrypt$N$r$p$salt$hash (base64url), see server/auth/password.ts
  password_hash text not null,
  created_at timestamptz not null default now()
);

-- Only the sha256 of a token is kept, so a leaked table grants no sessions.
create table sessions (
  token_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_idx on sessions (user_id);

-- One row: the published plan data as served, with its strong ETag.
create table plan_data (
  id int primary key default 1 check (id = 1),
  version text not null,
  body text not null,
  etag text not null,
  updated_at timestamptz not null default now()
);

-- Every point id of the published plan data, to check pushed mutations against.
create table plan_points (
  point_id text primary key,
  plan_id text not null
);

-- Every change a client can pull gets the next value; the pull cursor is a position in it.
create sequence change_seq;

create table checkins (
  id uuid primary key,
  user_id bigint not null references users (id) on delete cascade,
  point_id text not null,
  status text not null,
  progress int not null,
  note text not null,
  created_at timestamptz not null,
  device_id text not null,
  unit text not null,
  seq bigint not null default nextval('change_seq'),
  received_at timestamptz not null default now()
);
create index checkins_user_seq_idx on checkins (user_id, seq);
create index checkins_unit_seq_idx on checkins (unit, seq);

create table favorites (
  user_id bigint not null references users (id) on delete cascade,
  point_id text not null,
  is_on boolean not null,
  updated_at timestamptz not null,
  device_id text not null,
  seq bigint not null default nextval('change_seq'),
  primary key (user_id, point_id)
);
create index favorites_user_seq_idx on favorites (user_id, seq);

-- Every answered mutation by its client id: a replay gets the same answer and stores nothing twice.
create table mutations (
  id uuid primary key,
  user_id bigint not null references users (id) on delete cascade,
  payload jsonb not null,
  status text not null,
  reason text,
  received_at timestamptz not null default now()
);
