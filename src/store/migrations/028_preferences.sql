-- What a person (or a key's holder) chose in the console, kept by who acts so that it follows
-- them from browser to browser: the person for single sign-on, the key otherwise.
create table preferences (
  actor      text primary key,
  locale     text,
  updated_at timestamptz not null default now()
);
