import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Page } from "../../components/Page.js";
import { steeringApi } from "./api.js";
import { roleLabel, useAccount, type Account } from "./session.js";
import { useApiGet } from "./useApi.js";
import { ChangePassword } from "./ChangePassword.js";
import { NewAccount } from "./NewAccount.js";

const name = (a: Account) => a.displayName;

/** Accounts (national administration) and, for everyone, changing one's own password. */
export function AccountsPage() {
  const account = useAccount();
  const { t } = useLingui();
  const list = useApiGet(account.role === "national" ? "GET /pilotage/comptes" : null);
  return (
    <Page title={account.role === "national" ? t`Comptes du pilotage` : t`Mon compte`}>
      <ChangePassword />
      {account.role === "national" && (
        <>
          <h2>{t`Comptes`}</h2>
          {list.problem && <Alert severity="error" small description={list.problem.detail} />}
          {list.data && (
            <div className="mj-table fr-mb-4w">
              <table tabIndex={0}>
                <caption>{plural(list.data.length, { one: "# compte", other: "# comptes" })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t`Nom`}</th>
                    <th scope="col">{t`Adresse`}</th>
                    <th scope="col">{t`Rôle`}</th>
                    <th scope="col">{t`État`}</th>
                    <th scope="col">{t`Action`}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.displayName}</th>
                      <td>{a.email}</td>
                      <td>{roleLabel(a)}</td>
                      <td>{a.active ? t`actif` : t`désactivé`}</td>
                      <td>
                        {a.id !== account.id && (
                          <Button
                            size="small"
                            priority="tertiary"
                            onClick={() =>
                              void steeringApi("PATCH /pilotage/comptes/:id", { params: { id: a.id }, body: { active: !a.active } }).then(list.reload)
                            }
                          >
                            {a.active ? t`Désactiver ${name(a)}` : t`Réactiver ${name(a)}`}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <NewAccount onDone={list.reload} />
        </>
      )}
    </Page>
  );
}
