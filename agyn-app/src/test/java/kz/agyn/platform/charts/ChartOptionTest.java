package kz.agyn.platform.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each kind of chart the pages draw, built with the builders, against the JSON those pages sent when they built
 * their options as nested maps (key order aside: ECharts does not care, and {@code Map.of} never kept one). A
 * number keeps its JSON type: a width of 3.0 stays 3.0, a margin of 70 stays 70.
 */
class ChartOptionTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static void assertJson(Object option, String expected) {
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(option));
        assertThat(actual).isEqualTo(JSON.readTree(expected.replace('\'', '"')));
    }

    @Test
    void theExplorersLinesWithGapsAndTheirTruncation() {
        ChartOption option = new ChartOption().tooltip(Tooltip.axis()).legend(Legend.scrollingAtBottom())
                .grid(Grid.margins(70, 30, 30, 60)).xAxis(Axis.category(List.of("2021", "2022"))).yAxis(Axis.value())
                .series(List.of(Series.line("Almaty", Arrays.asList(new BigDecimal("1.5"), null)).gapsAtNulls()))
                .truncated(false);
        assertJson(option, """
                {'tooltip':{'trigger':'axis'},'legend':{'type':'scroll','bottom':0},
                 'grid':{'left':70,'right':30,'top':30,'bottom':60},
                 'xAxis':{'type':'category','data':['2021','2022']},'yAxis':{'type':'value'},
                 'series':[{'name':'Almaty','type':'line','data':[1.5,null],'connectNulls':false}],
                 'truncated':false}""");
    }

    @Test
    void theMapOfRegionsWithItsScaleAndNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("750000000", "Алматы");
        ChartOption option = new ChartOption().tooltip(Tooltip.item())
                .visualMap(VisualMap.shading(new BigDecimal("12"), "2023"))
                .series(Series.regions(List.of(Point.named("750000000", new BigDecimal("12")).labelled("Emigrants")))
                        .unit("persons").fixed().namesOnHover())
                .regionNames(names);
        assertJson(option, """
                {'tooltip':{'trigger':'item'},
                 'visualMap':{'min':0,'max':12,'left':'left','bottom':10,'calculable':true,'text':['2023',''],
                              'inRange':{'color':['#e0f3f8','#08589e']}},
                 'series':[{'type':'map','map':'kz','nameProperty':'KATO','roam':false,
                            'data':[{'name':'750000000','value':12,'label':'Emigrants'}],
                            'itemStyle':{'areaColor':'#f2f2f2','borderColor':'#888'},
                            'agynUnit':'persons','emphasis':{'label':{'show':true}}}],
                 'regionNames':{'750000000':'Алматы'}}""");
    }

    @Test
    void theTornadosStackedHorizontalBars() {
        ChartOption option = new ChartOption().tooltip(Tooltip.axisShaded()).legend(Legend.atTop(List.of("lo", "hi")))
                .grid(Grid.margins(10, 30, 36, 40).containingLabels())
                .xAxis(Axis.value().named("bn").nameInMiddle(26))
                .yAxis(Axis.category(List.of("p")).inverse().labels(AxisLabel.truncatedAt(260)))
                .series(Series.bar("lo", List.of(-1.5)).stacked("swing").color(Series.TEAL),
                        Series.bar("hi", List.of(2.0)).stacked("swing").color(Series.ORANGE));
        assertJson(option, """
                {'tooltip':{'trigger':'axis','axisPointer':{'type':'shadow'}},'legend':{'data':['lo','hi'],'top':0},
                 'grid':{'left':10,'right':30,'top':36,'bottom':40,'containLabel':true},
                 'xAxis':{'type':'value','name':'bn','nameLocation':'middle','nameGap':26},
                 'yAxis':{'type':'category','inverse':true,'data':['p'],
                          'axisLabel':{'width':260,'overflow':'truncate'}},
                 'series':[{'name':'lo','type':'bar','stack':'swing','data':[-1.5],'itemStyle':{'color':'#1f6f8b'}},
                           {'name':'hi','type':'bar','stack':'swing','data':[2.0],'itemStyle':{'color':'#e07a1f'}}]}""");
    }

    @Test
    void barsWithErrorBarsAndColouredPoints() {
        ChartOption option = new ChartOption().tooltip(Tooltip.axis()).grid(Grid.margins(50, 20, 30, 90))
                .xAxis(Axis.category(List.of("a")).labels(AxisLabel.everyWrappedAt(110).turned(0)))
                .yAxis(Axis.value().named("pp"))
                .series(Series.bar("change", List.of(Point.colored(5.2, "#c0392b"))).valueLabels("top"),
                        Series.errorBars("95%", List.of(List.of(0, 1.0, 9.4))));
        assertJson(option, """
                {'tooltip':{'trigger':'axis'},'grid':{'left':50,'right':20,'top':30,'bottom':90},
                 'xAxis':{'type':'category','data':['a'],
                          'axisLabel':{'interval':0,'rotate':0,'width':110,'overflow':'break'}},
                 'yAxis':{'type':'value','name':'pp'},
                 'series':[{'type':'bar','data':[{'value':5.2,'itemStyle':{'color':'#c0392b'}}],'name':'change',
                            'label':{'show':true,'position':'top'}},
                           {'type':'custom','data':[[0,1.0,9.4]],'agynErrorBars':true,'z':10,'name':'95%'}]}""");
    }

    @Test
    void theHeatmapWithItsHorizontalScale() {
        ChartOption option = new ChartOption().tooltip(Tooltip.at("top")).grid(Grid.margins(170, 20, 10, 90))
                .xAxis(Axis.category(List.of("c")).splitAreas().labels(AxisLabel.everyWrappedAt(110).turned(30)))
                .yAxis(Axis.category(List.of("r")).inverse().splitAreas().labels(AxisLabel.truncatedAt(160)))
                .visualMap(VisualMap.horizontal(12.0, 48.0))
                .series(Series.heatmap("row %", List.of(List.of(0, 0, 12.5))).valueLabels());
        assertJson(option, """
                {'tooltip':{'position':'top'},'grid':{'left':170,'right':20,'top':10,'bottom':90},
                 'xAxis':{'type':'category','data':['c'],'splitArea':{'show':true},
                          'axisLabel':{'interval':0,'rotate':30,'width':110,'overflow':'break'}},
                 'yAxis':{'type':'category','inverse':true,'splitArea':{'show':true},'data':['r'],
                          'axisLabel':{'width':160,'overflow':'truncate'}},
                 'visualMap':{'min':12.0,'max':48.0,'calculable':true,'orient':'horizontal','left':'center',
                              'bottom':0},
                 'series':[{'type':'heatmap','name':'row %','data':[[0,0,12.5]],'label':{'show':true}}]}""");
    }

    @Test
    void survivalStepsWithAWrappedLegendAndAWindowOnTheFirstYears() {
        Map<String, Boolean> selected = new LinkedHashMap<>();
        selected.put("All", true);
        selected.put("Men", false);
        ChartOption option = new ChartOption().tooltip(Tooltip.axis())
                .legend(Legend.wrappedAtTop().listing(List.of("All", "Men")).selecting(selected))
                .grid(Grid.margins(30, 30, 40, 62).containingLabels())
                .xAxis(Axis.value().min(0).named("months").nameInMiddle(24))
                .yAxis(Axis.value().min(0).max(100).named("abroad, %").nameInMiddle(40))
                .dataZoom(DataZoom.slider(0, 60), DataZoom.inside(0, 60))
                .series(Series.line("All", List.of(new double[] {0, 100}, new double[] {6.5, 80.25})).steps()
                        .lineWidth(3.0));
        assertJson(option, """
                {'tooltip':{'trigger':'axis'},
                 'legend':{'top':0,'data':['All','Men'],'selected':{'All':true,'Men':false}},
                 'grid':{'left':30,'right':30,'top':40,'bottom':62,'containLabel':true},
                 'xAxis':{'type':'value','min':0,'name':'months','nameLocation':'middle','nameGap':24},
                 'yAxis':{'type':'value','min':0,'max':100,'name':'abroad, %','nameLocation':'middle','nameGap':40},
                 'dataZoom':[{'type':'slider','startValue':0,'endValue':60,'filterMode':'none','bottom':4,'height':18},
                             {'type':'inside','startValue':0,'endValue':60,'filterMode':'none'}],
                 'series':[{'name':'All','type':'line','step':'end','showSymbol':false,'lineStyle':{'width':3.0},
                            'data':[[0.0,100.0],[6.5,80.25]]}]}""");
    }

    @Test
    void unnamedBarsWithAReferenceBand() {
        ChartOption option = new ChartOption().tooltip(Tooltip.axis()).grid(Grid.margins(70, 40, 30, 60))
                .xAxis(Axis.category(List.of("KZ")).labels(AxisLabel.everyWrappedAt(140).font(11, 13)))
                .yAxis(Axis.value().named("%"))
                .series(Series.bar(null, List.of(new BigDecimal("0.13"))).valueLabels("top").color(Series.TEAL));
        option.series().get(0).markArea(MarkArea.horizontalBand("rgba(255, 173, 177, 0.25)", "World",
                new BigDecimal("1.7"), new BigDecimal("2.6")).namedAt("insideTopLeft"));
        assertJson(option, """
                {'tooltip':{'trigger':'axis'},'grid':{'left':70,'right':40,'bottom':60,'top':30},
                 'xAxis':{'type':'category','data':['KZ'],
                          'axisLabel':{'interval':0,'width':140,'overflow':'break','fontSize':11,'lineHeight':13}},
                 'yAxis':{'type':'value','name':'%'},
                 'series':[{'type':'bar','data':[0.13],'label':{'show':true,'position':'top'},
                            'itemStyle':{'color':'#1f6f8b'},
                            'markArea':{'itemStyle':{'color':'rgba(255, 173, 177, 0.25)'},
                                        'label':{'position':'insideTopLeft','color':'#7a2e33','fontSize':11},
                                        'data':[[{'name':'World','yAxis':1.7},{'yAxis':2.6}]]}}]}""");
    }
}
