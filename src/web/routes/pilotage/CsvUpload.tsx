import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { readTextFile } from "./api.js";

/** A CSV file field: reads the chosen file as UTF-8 text within a size limit, or says in French why not. */
export function CsvUpload({ label, name, maxBytes, onText, onRefused, onCleared }: {
  label: string;
  name: string;
  maxBytes: number;
  onText(text: string, fileName: string): void;
  onRefused(message: string): void;
  onCleared(): void;
}) {
  return (
    <Upload
      label={label}
      hint={`CSV en UTF-8, ${Math.round(maxBytes / 1_000_000)} Mo au plus.`}
      nativeInputProps={{
        name,
        accept: ".csv,text/csv",
        onChange: async (e) => {
          const file = e.target.files?.[0];
          onCleared();
          if (!file) return;
          const read = await readTextFile(file, maxBytes);
          if (read.ok) onText(read.text, file.name);
          else onRefused(read.message);
        },
      }}
    />
  );
}
