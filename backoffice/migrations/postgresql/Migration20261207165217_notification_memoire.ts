import { Migration } from "@mikro-orm/migrations";

export class Migration20261207165217_notification_memoire extends Migration {
  override up(): void {
    this.addSql(`create table "notification_memoire" ("id" varchar(100) not null, "memoire_id" varchar(100) not null, "numero" varchar(20) not null, "evenement_rang" int not null, "nature" varchar(20) not null, "destinataire" varchar(254) not null, "sujet" varchar(300) not null, "texte" text not null, "cree_le" timestamptz not null, "statut" varchar(20) not null, "tentatives" int not null, "envoye_le" timestamptz null, "identifiant_transport" varchar(300) null, "derniere_erreur" text null, constraint "notification_memoire_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_memoire_statut_cree_idx" on "notification_memoire" ("statut", "cree_le");`);
    this.addSql(`alter table "notification_memoire" add constraint "notification_memoire_evenement_destinataire_unique" unique ("memoire_id", "evenement_rang", "destinataire");`);

    this.addSql(`alter table "notification_memoire" add constraint "notification_memoire_memoire_id_foreign" foreign key ("memoire_id") references "memoire" ("id") on update cascade on delete cascade;`);
  }

  override down(): void {
    this.addSql(`drop table if exists "notification_memoire" cascade;`);
  }
}
