import { DataPanel } from '@/components/options/DataPanel';
import { applyImport, checkImport, deleteAll, exportAll } from '../actions';

export function DataSection() {
  return (
    <DataPanel
      onExport={exportAll}
      onCheck={checkImport}
      onImport={applyImport}
      onDeleteEverything={deleteAll}
    />
  );
}
