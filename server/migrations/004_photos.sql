-- 佐证 photos, content-addressed per user: a photo's key is the sha256 of the bytes the phone compressed, so an
-- upload sent again (after a kill or a dropped connection) stores nothing twice. Thumbnails are made on the phone
-- and never stored here.
create table photos (
  user_id bigint not null references users (id) on delete cascade,
  hash text not null check (hash ~ '^[0-9a-f]{64}$'),
  content_type text not null,
  size int not null check (size > 0),
  bytes bytea not null,
  created_at timestamptz not null default now(),
  primary key (user_id, hash)
);

-- Which photos a check-in carries, in the order they were taken. A photo is served to whoever may read one of
-- the check-ins it is linked to (its owner, colleagues of the check-in's unit).
create table checkin_photos (
  user_id bigint not null,
  checkin_id uuid not null,
  hash text not null,
  position int not null check (position >= 0),
  primary key (user_id, checkin_id, hash),
  foreign key (user_id, checkin_id) references checkins (user_id, id) on delete cascade,
  foreign key (user_id, hash) references photos (user_id, hash) on delete cascade
);
create index checkin_photos_hash_idx on checkin_photos (hash);
