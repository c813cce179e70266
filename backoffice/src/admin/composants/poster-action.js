import { ApiClient } from "adminjs";

const api = new ApiClient();

/**
 * POSTs the data of a form to its action (a record action when there is a record, else a resource
 * action), then follows the answer's redirect. Resolves to `null` once sent, or to the message to
 * show when the server refused (its notice; nothing was written).
 */
export const posterAction = async ({ resource, record, action, data }) => {
  try {
    const r = record
      ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
      : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data });
    globalThis.location.href = (r.data && r.data.redirectUrl) || globalThis.location.href;
    return null;
  } catch (x) {
    const notice = x && x.response && x.response.data && x.response.data.notice;
    return notice ? notice.message : "Erreur : rien n'a été enregistré.";
  }
};
