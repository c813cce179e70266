import { Migration } from "@mikro-orm/migrations";

export class Migration20261122082921_api extends Migration {
  override up(): void {
    this.addSql(`create table "jeton_api" ("id" varchar(36) not null, "utilisateur_id" varchar(200) not null, "libelle" varchar(100) not null, "empreinte" varchar(64) not null, "prefixe" varchar(20) not null, "cree_le" timestamptz not null, "expire_le" timestamptz not null, "revoque_le" timestamptz null, "dernier_usage_le" timestamptz null, constraint "jeton_api_pkey" primary key ("id"));`);
    this.addSql(`create index "jeton_api_utilisateur_idx" on "jeton_api" ("utilisateur_id");`);
    this.addSql(`alter table "jeton_api" add constraint "jeton_api_empreinte_unique" unique ("empreinte");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "jeton_api" cascade;`);
  }
}
