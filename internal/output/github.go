package output

import (
	"fmt"
	"io"
	"strings"
)

// GitHub prints one workflow command a finding, which GitHub Actions turns
// into an annotation on the pull request:
//
//	::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message
//
// A package that could not be analyzed is an ::error:: command, so the
// run's summary shows it too.
//
// Data and properties are escaped as in @actions/core (toolkit
// packages/core/src/command.ts): % CR LF everywhere, and : , in properties.
func GitHub(w io.Writer, r Report) error {
	for _, f := range r.Findings {
		props := []string{
			"file=" + escapeProperty(f.File),
			fmt.Sprintf("line=%d", f.Line),
			fmt.Sprintf("col=%d", f.Col),
		}
		if f.EndLine > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", f.EndLine), fmt.Sprintf("endColumn=%d", f.EndCol))
		}
		props = append(props, "title="+escapeProperty("bplint: "+f.Rule))
		if _, err := fmt.Fprintf(w, "::warning %s::%s\n", strings.Join(props, ","), escapeData(f.Message+" ("+f.Rule+")")); err != nil {
			return err
		}
	}
	for _, e := range r.Errors {
		if _, err := fmt.Fprintf(w, "::error title=%s::%s\n", escapeProperty("bplint: could not analyze "+e.Package), escapeData(e.String())); err != nil {
			return err
		}
	}
	return nil
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
