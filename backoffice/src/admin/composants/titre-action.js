import { useTranslation } from "adminjs";

/** The action's French label: the ActionJSON a component receives carries its untranslated name. */
export const useTitreAction = (action, resource) => useTranslation().translateAction(action.label, resource.id);
